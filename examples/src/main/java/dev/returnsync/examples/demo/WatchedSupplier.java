package dev.returnsync.examples.demo;

import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierCapabilities;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;

/** A {@link SupplierAdapter} that prints each call the engine makes to the supplier, with the supplier's reply. */
final class WatchedSupplier implements SupplierAdapter {
    private final SupplierAdapter delegate;
    private final Timeline timeline;

    WatchedSupplier(SupplierAdapter delegate, Timeline timeline) {
        this.delegate = delegate;
        this.timeline = timeline;
    }

    @Override
    public SupplierId supplier() {
        return delegate.supplier();
    }

    @Override
    public SupplierCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public SupplierReply.ToRequest requestReturn(SupplierRequest.RequestReturn request) {
        SupplierReply.ToRequest reply = delegate.requestReturn(request);
        print("requestReturn(" + request.resellerNumber() + ", " + Timeline.quantities(request.lines()) + ", "
                + Timeline.outcome(request.outcome()) + ")", reply);
        return reply;
    }

    @Override
    public SupplierReply.ToNotice shareTracking(SupplierRequest.ShareTracking request) {
        SupplierReply.ToNotice reply = delegate.shareTracking(request);
        print("shareTracking(" + request.supplierNumber() + ", " + request.tracking() + ")", reply);
        return reply;
    }

    @Override
    public SupplierReply.ToPoll poll(SupplierRequest.Poll request) {
        SupplierReply.ToPoll reply = delegate.poll(request);
        print("poll(" + request.resellerNumber() + ")", reply);
        return reply;
    }

    @Override
    public SupplierReply.ToNotice cancel(SupplierRequest.Cancel request) {
        SupplierReply.ToNotice reply = delegate.cancel(request);
        print("cancel(" + request.resellerNumber() + ")", reply);
        return reply;
    }

    private void print(String call, SupplierReply reply) {
        timeline.detail("⇄ 接口 " + supplier() + "." + call + " ⇒ " + describe(reply));
    }

    private static String describe(SupplierReply reply) {
        if (reply instanceof SupplierReply.NumberIssued r) {
            return "NumberIssued " + r.number();
        } else if (reply instanceof SupplierReply.Pending) {
            return "Pending (单号稍后提供)";
        } else if (reply instanceof SupplierReply.NothingNew) {
            return "NothingNew (暂无消息, 稍后再查)";
        } else if (reply instanceof SupplierReply.Received r) {
            return "Received " + Timeline.quantities(r.quantities());
        } else if (reply instanceof SupplierReply.ResultReported r) {
            return "ResultReported 接受 accepted " + Timeline.quantities(r.accepted()) + ", 拒收 rejected "
                    + Timeline.quantities(r.rejected());
        } else if (reply instanceof SupplierReply.Done) {
            return "Done";
        } else if (reply instanceof SupplierReply.Declined r) {
            return "Declined " + r.reason().code();
        } else if (reply instanceof SupplierReply.RetryableFailure r) {
            return "RetryableFailure “" + r.error() + "” (稍后重试 retried with backoff)";
        } else if (reply instanceof SupplierReply.PermanentFailure r) {
            return "PermanentFailure “" + r.error() + "”";
        }
        return String.valueOf(reply);
    }
}

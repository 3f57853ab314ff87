package dev.returnsync.core.internal;

import dev.returnsync.core.domain.Command;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A digest of a command's payload, to tell "the same command again" from "another command with the same key":
 * SHA-256 over a canonical encoding of the command, as 64 hex digits. A collision would turn a conflict into a
 * replay of another command's outcome, so the hash is cryptographic and the encoding unambiguous: every component
 * is written in declaration order behind a type tag, null as its own tag, numbers as 8 bytes, texts behind their
 * length (4 bytes) as UTF-16 code units (so unpaired surrogates stay distinct), lists behind their size. The result depends on
 * values only (texts, enum names, numbers, epoch times): stable across processes and JVM versions. Each thread
 * reuses its own encoder: its buffer, digest and hex digits, so a fingerprint allocates its result only. Not API.
 */
public final class Fingerprint {
    private static final ThreadLocal<Fingerprint> ENCODERS = ThreadLocal.withInitial(Fingerprint::new);
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private final MessageDigest sha = sha256();
    private final byte[] hash = new byte[32];
    private final byte[] hex = new byte[64];
    private byte[] buffer = new byte[256];
    private int length;

    private Fingerprint() {
    }

    /** The fingerprint of a command: 64 hex digits. */
    public static String of(Command command) {
        Fingerprint f = ENCODERS.get();
        f.length = 0;
        f.text(command.type().name());
        f.text(command.key() == null ? null : command.key().value());
        f.actor(command.actor());
        f.number(command.expectedVersion());
        ExternalVersion external = command.externalVersion();
        if (external != null) {
            // written only when present, behind a tag of its own: a command without one keeps its stored fingerprint
            f.tag('X');
            f.text(external.source());
            f.number(external.version());
        }
        f.text(command.caseId() == null ? null : command.caseId().value());
        if (command instanceof Command.LegCommand leg) {
            f.text(leg.leg() == null ? null : leg.leg().value());
        }
        if (command instanceof Command.SubmitReturn c) {
            f.text(c.customer() == null ? null : c.customer().value());
            f.text(c.order() == null ? null : c.order().value());
            f.number(c.customerNumber());
            f.number(c.resellerNumber());
            if (f.list(c.lines())) {
                for (ReturnLine line : c.lines()) {
                    f.line(line);
                }
            }
            f.reason(c.reason());
            f.text(c.wanted() == null ? null : c.wanted().name());
            f.instant(c.deliveredAt());
        } else if (command instanceof Command.AgreeReturn c) {
            f.text(c.outcome() == null ? null : c.outcome().name());
            f.quantities(c.authorized());
            if (c.shippingFee() != null || c.feeBearer() != null || c.insuranceClaim() != null) {
                f.tag('F');
                f.optionalMoney(c.shippingFee());
                f.text(c.feeBearer() == null ? null : c.feeBearer().name());
                f.text(c.insuranceClaim());
            }
            f.evidence(c.evidence());
        } else if (command instanceof Command.DeclineReturn c) {
            f.reason(c.reason());
        } else if (command instanceof Command.IssueSupplierNumber c) {
            f.number(c.number());
        } else if (command instanceof Command.ReplaceSupplierNumber c) {
            f.number(c.number());
        } else if (command instanceof Command.ReportShipment c) {
            f.number(c.tracking());
        } else if (command instanceof Command.ConfirmReceipt c) {
            f.quantities(c.received());
        } else if (command instanceof Command.ReportResult c) {
            f.quantities(c.accepted());
            f.quantities(c.rejected());
            f.text(c.note());
            f.fee(c.restockingFee());
            f.evidence(c.evidence());
        } else if (command instanceof Command.ShipReplacement c) {
            f.number(c.tracking());
        } else if (command instanceof Command.ReportResultToCustomer c) {
            f.text(c.note());
            f.fee(c.compensation());
        } else if (command instanceof Command.DisputeResult c) {
            f.reason(c.reason());
        } else if (command instanceof Command.CloseLeg c) {
            f.reason(c.reason());
        } else if (command instanceof Command.OfferPartialRefund c) {
            f.optionalMoney(c.amount());
            f.text(c.note());
        } else if (command instanceof Command.RejectPartialRefund c) {
            f.reason(c.reason());
        } else if (command instanceof Command.Reapply c) {
            f.reason(c.reason());
        } else if (command instanceof Command.SendMessage c) {
            f.text(c.to() == null ? null : c.to().name());
            f.text(c.text());
        }
        return f.digest();
    }

    private void actor(Actor actor) {
        if (actor == null) {
            tag('0');
            return;
        }
        tag('A');
        text(actor.role().name());
        text(actor.id());
        text(actor.tenant().value());
    }

    private void number(ReturnNumber number) {
        if (number == null) {
            tag('0');
            return;
        }
        tag('N');
        text(number.kind().name());
        text(number.scope());
        text(number.value());
    }

    private void line(ReturnLine line) {
        if (line == null) {
            tag('0');
            return;
        }
        tag('L');
        text(line.sku().value());
        text(line.supplier().value());
        number(line.requested());
        number(line.delivered());
        money(line.unitPrice());
    }

    /**
     * An amount added to a command after its first fingerprints were stored: nothing when it is absent, so a command
     * without it keeps the fingerprint it always had; else a tag and the amount, at the end of the encoding.
     */
    private void fee(Money money) {
        if (money != null) {
            tag('F');
            money(money);
        }
    }

    private void optionalMoney(Money money) {
        if (money == null) {
            tag('0');
        } else {
            money(money);
        }
    }

    private void money(Money money) {
        tag('M');
        text(money.currency().getCurrencyCode());
        number(money.minor());
    }

    private void reason(Reason reason) {
        if (reason == null) {
            tag('0');
            return;
        }
        tag('R');
        text(reason.code().name());
        text(reason.text());
        list(reason.evidence());
        references(reason.evidence());
    }

    /** Evidence of a step that carries it beside its other fields; none adds nothing, as before steps took it. */
    private void evidence(List<Evidence> evidence) {
        if (evidence != null && evidence.isEmpty()) {
            return;
        }
        if (list(evidence)) {
            references(evidence);
        }
    }

    /**
     * A document's reference alone, as every evidence reference was fingerprinted before evidence had a kind (so the
     * keys stored then still match); any other kind tagged with its name first.
     */
    private void references(List<Evidence> evidence) {
        for (Evidence e : evidence) {
            if (e == null) {
                tag('0');
                continue;
            }
            if (e.kind() != EvidenceKind.DOCUMENT) {
                tag('K');
                text(e.kind().name());
            }
            text(e.reference());
        }
    }

    private void quantities(List<LineQuantity> quantities) {
        if (list(quantities)) {
            for (LineQuantity q : quantities) {
                if (q == null) {
                    tag('0');
                } else {
                    text(q.sku().value());
                    number(q.quantity());
                }
            }
        }
    }

    private boolean list(List<?> list) {
        if (list == null) {
            tag('0');
            return false;
        }
        tag('[');
        number(list.size());
        return true;
    }

    private void instant(Instant instant) {
        if (instant == null) {
            tag('0');
            return;
        }
        tag('I');
        number(instant.getEpochSecond());
        number(instant.getNano());
    }

    private void number(Long value) {
        if (value == null) {
            tag('0');
        } else {
            number(value.longValue());
        }
    }

    private void number(long value) {
        ensure(9);
        buffer[length++] = '#';
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
    }

    private void text(String text) {
        if (text == null) {
            tag('0');
            return;
        }
        int n = text.length();
        ensure(5 + 2 * n);
        buffer[length++] = '"';
        buffer[length++] = (byte) (n >>> 24);
        buffer[length++] = (byte) (n >>> 16);
        buffer[length++] = (byte) (n >>> 8);
        buffer[length++] = (byte) n;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            buffer[length++] = (byte) (c >>> 8);
            buffer[length++] = (byte) c;
        }
    }

    private void tag(char c) {
        ensure(1);
        buffer[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private String digest() {
        sha.reset();
        sha.update(buffer, 0, length);
        try {
            sha.digest(hash, 0, hash.length);
        } catch (DigestException e) {
            throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
        }
        for (int i = 0; i < hash.length; i++) {
            hex[2 * i] = HEX_DIGITS[(hash[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX_DIGITS[hash[i] & 0xf];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

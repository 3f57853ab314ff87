/**
 * The refund statuses of the marketplaces of the field, mapped onto the return workflow in both directions, as
 * data: Taobao/Tmall ({@link dev.returnsync.marketplace.TaobaoRefundStatus}) and 1688 dropshipping
 * ({@link dev.returnsync.marketplace.Alibaba1688RefundStatus}).
 *
 * <p>{@link dev.returnsync.marketplace.MarketplaceMapping#outbound} tells which status a leg shows on the
 * marketplace; {@link dev.returnsync.marketplace.MarketplaceMapping#inbound} turns a status change reported by the
 * marketplace into the commands a host runs, or a typed answer why there are none. The marketplace's refund version
 * travels with the commands as an {@link dev.returnsync.spi.ExternalVersion}, so a status delivered late or twice is
 * refused by the case itself. See {@code docs/marketplaces.md}.
 */
package dev.returnsync.marketplace;

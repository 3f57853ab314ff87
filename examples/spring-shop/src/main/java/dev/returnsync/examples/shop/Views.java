package dev.returnsync.examples.shop;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.NumberLink;

import java.util.List;

/** What the API answers: the parts of a return a party sees, as plain values. */
final class Views {
    private Views() {
    }

    /** A return as its party sees it. */
    record ReturnView(String caseId, long version, String customerNumber, String resellerNumber, List<LegView> legs) {
        static ReturnView of(ReturnCase c) {
            return new ReturnView(c.id().value(), c.version(), value(c.customerNumber()), value(c.resellerNumber()),
                    c.legs().stream().map(LegView::of).toList());
        }
    }

    /** A supplier's part of a return. */
    record LegView(String supplier, String state, String supplierNumber) {
        static LegView of(Leg leg) {
            return new LegView(leg.supplier().value(), leg.state().name(), value(leg.supplierNumber()));
        }
    }

    /** Where a number leads. */
    record LinkView(String caseId, String kind, boolean superseded) {
        static LinkView of(NumberLink link) {
            return new LinkView(link.caseId().value(), link.number().kind().name(), link.superseded());
        }
    }

    private static String value(dev.returnsync.spi.ReturnNumber number) {
        return number == null ? null : number.value();
    }
}

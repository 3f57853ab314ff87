package dev.returnsync.examples.shop;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import org.springframework.stereotype.Component;

import java.util.List;

/** What every party may ask, each seeing only its own view: a return, and where a number it typed leads. */
@Component
class PartyQueries {
    private final ReturnSyncEngine engine;

    PartyQueries(ReturnSyncEngine engine) {
        this.engine = engine;
    }

    /** The return as the party sees it. */
    Views.ReturnView view(Actor party, String caseId) {
        return Views.ReturnView.of(engine.caseView(party, CaseId.of(caseId)).state());
    }

    /** The returns a number typed by the party leads to, of any kind and, for tracking numbers, any carrier. */
    List<Views.LinkView> lookup(Actor party, String number) {
        return engine.lookup(party, number).stream().map(Views.LinkView::of).toList();
    }
}

package dev.returnsync.core.domain;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CaseStatus;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Settlement;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A return case (退货申请): one customer request against one storefront order, split into one leg per
 * supplier. Immutable; built by folding its events with {@link ReturnWorkflow#evolve}. The version is the
 * number of events folded, so it has no gaps and grows by one with every accepted command (by two when the command
 * carried an {@link ExternalVersion}, which is recorded by an event of its own).
 *
 * <p>What the request fixed when it opened the case (ids, numbers, reason, times) is its {@link #header()}, which
 * every later version of the case shares; {@link #id()}, {@link #tenant()} and the other accessors of the header's
 * parts read it.
 *
 * <p>The number linkage is part of the case: {@link #links()} lists every number of every kind, and
 * {@link #resolve(ReturnNumber)} finds where one leads.
 *
 * <p>A case keeps its one leg, the common case, as itself; {@link #legs()} lists the legs when asked, so a step of a
 * one-leg case builds no list.
 */
public final class ReturnCase {
    private final CaseHeader header;
    /** The legs: the {@link Leg} itself for a case of one leg; the immutable {@code List<Leg>} of a case of several. */
    private final Object legs;
    /**
     * The list of a one-leg case's leg, made when {@link #legs()} is first asked. Not final: a thread that finds it
     * null makes an equal immutable list (whose fields are final), so a data race costs a list, never a wrong answer.
     */
    private List<Leg> listed;
    private final long version;
    private final Map<String, Long> externalVersions;

    /**
     * Copies the legs and the external versions.
     *
     * @param header what the request fixed when it opened the case; not null
     * @param legs the legs, one per supplier, in the order of the request's lines; at least one
     * @param version the number of events folded into this case, at least 1
     * @param externalVersions the newest {@link ExternalVersion} accepted per source: source to version
     */
    public ReturnCase(CaseHeader header, List<Leg> legs, long version, Map<String, Long> externalVersions) {
        this(header, legs.size() == 1 ? Objects.requireNonNull(legs.get(0), "legs") : List.copyOf(legs), version,
                Map.copyOf(externalVersions));
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("a case has at least one leg");
        }
    }

    /** A case of one leg. */
    ReturnCase(CaseHeader header, Leg leg, long version, Map<String, Long> externalVersions) {
        this(header, (Object) Objects.requireNonNull(leg, "leg"), version, externalVersions);
    }

    private ReturnCase(CaseHeader header, Object legs, long version, Map<String, Long> externalVersions) {
        this.header = Objects.requireNonNull(header, "header");
        if (version < 1) {
            throw new IllegalArgumentException("a case version starts at 1, was " + version);
        }
        this.legs = legs;
        this.version = version;
        this.externalVersions = externalVersions;
    }

    /** {@return what the request fixed when it opened the case; shared by every version of the case} */
    public CaseHeader header() {
        return header;
    }

    /** {@return the legs, one per supplier, in the order of the request's lines; immutable} */
    @SuppressWarnings("unchecked")
    public List<Leg> legs() {
        if (legs instanceof Leg leg) {
            List<Leg> list = listed;
            if (list == null) {
                list = List.of(leg);
                listed = list;
            }
            return list;
        }
        return (List<Leg>) legs;
    }

    /** {@return the number of events folded into this case} */
    public long version() {
        return version;
    }

    /** {@return the newest {@link ExternalVersion} accepted per source: source to version} */
    public Map<String, Long> externalVersions() {
        return externalVersions;
    }

    /** {@return how many legs the case has} */
    int legCount() {
        return legs instanceof Leg ? 1 : ((List<?>) legs).size();
    }

    /** {@return the leg at {@code index}, in the order of {@link #legs()}} */
    Leg legAt(int index) {
        return legs instanceof Leg leg ? leg : (Leg) ((List<?>) legs).get(index);
    }

    /** {@return the case id} */
    public CaseId id() {
        return header.id();
    }

    /** {@return the reseller that owns the case} */
    public TenantId tenant() {
        return header.tenant();
    }

    /** {@return the customer who asked} */
    public CustomerId customer() {
        return header.customer();
    }

    /** {@return the storefront order} */
    public OrderId order() {
        return header.order();
    }

    /** {@return the customer-side number} */
    public ReturnNumber customerNumber() {
        return header.customerNumber();
    }

    /** {@return the reseller return number} */
    public ReturnNumber resellerNumber() {
        return header.resellerNumber();
    }

    /** {@return why the customer asked} */
    public Reason reason() {
        return header.reason();
    }

    /** {@return the outcome the customer wants} */
    public OutcomeType wanted() {
        return header.wanted();
    }

    /** {@return when the order was delivered} */
    public Instant deliveredAt() {
        return header.deliveredAt();
    }

    /** {@return when the case was opened} */
    public Instant createdAt() {
        return header.createdAt();
    }

    /**
     * The leg of a supplier, if the case has one.
     *
     * @param supplier the supplier
     * @return its leg, or empty when the case has none
     */
    public Optional<Leg> leg(SupplierId supplier) {
        return Optional.ofNullable(legOrNull(supplier));
    }

    Leg legOrNull(SupplierId supplier) {
        int count = legCount();
        for (int i = 0; i < count; i++) {
            Leg leg = legAt(i);
            if (leg.supplier().equals(supplier)) {
                return leg;
            }
        }
        return null;
    }

    /**
     * The case's money: the sum, part by part, of its legs' {@link Leg#settlement() settlements}: the refund due
     * to the customer and what the suppliers owe the reseller, computed exactly in the case's one currency.
     *
     * @return the sum of the legs' settlements
     */
    public Settlement settlement() {
        Settlement total = Settlement.zero(legAt(0).lines().get(0).unitPrice().currency());
        for (Leg leg : legs()) {
            total = total.plus(leg.settlement());
        }
        return total;
    }

    /**
     * The newest external version of a source that a command carried into this case.
     *
     * @param source the source, e.g. {@code "taobao"}
     * @return its newest version, or empty when no command carried one of that source
     */
    public OptionalLong externalVersion(String source) {
        Long version = externalVersions.get(source);
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    /** {@return the overall status, derived from the legs' states} */
    public CaseStatus status() {
        int completed = 0;
        LegState uniform = null;
        boolean mixed = false;
        int count = legCount();
        for (int i = 0; i < count; i++) {
            LegState state = legAt(i).state();
            if (!state.isTerminal()) {
                return CaseStatus.IN_PROGRESS;
            }
            if (state == LegState.COMPLETED) {
                completed++;
            }
            if (uniform == null) {
                uniform = state;
            } else if (uniform != state) {
                mixed = true;
            }
        }
        if (completed == count) {
            return CaseStatus.COMPLETED;
        }
        if (completed > 0) {
            return CaseStatus.PARTIALLY_COMPLETED;
        }
        if (mixed) {
            return CaseStatus.CLOSED;
        }
        return switch (uniform) {
            case DECLINED -> CaseStatus.DECLINED;
            case CANCELLED -> CaseStatus.CANCELLED;
            case EXPIRED -> CaseStatus.EXPIRED;
            default -> CaseStatus.CLOSED;
        };
    }

    /** {@return true when a leg was escalated or is disputed, so the reseller has to look at the case} */
    public boolean needsAttention() {
        int count = legCount();
        for (int i = 0; i < count; i++) {
            Leg leg = legAt(i);
            if (leg.state() == LegState.DISPUTED || (leg.escalatedIn() != null && leg.escalatedIn() == leg.state())) {
                return true;
            }
        }
        return false;
    }

    /** {@return every number linked to the case, case-level numbers first, then each leg's in order} */
    public List<NumberLink> links() {
        List<NumberLink> links = new ArrayList<>(2 + legCount() * 3);
        links.add(new NumberLink(customerNumber(), tenant(), id(), null, false));
        links.add(new NumberLink(resellerNumber(), tenant(), id(), null, false));
        for (Leg leg : legs()) {
            for (ReturnNumber old : leg.supersededNumbers()) {
                links.add(new NumberLink(old, tenant(), id(), leg.supplier(), true));
            }
            if (leg.supplierNumber() != null) {
                links.add(new NumberLink(leg.supplierNumber(), tenant(), id(), leg.supplier(), false));
            }
            if (leg.returnTracking() != null) {
                links.add(new NumberLink(leg.returnTracking(), tenant(), id(), leg.supplier(), false));
            }
            if (leg.replacementTracking() != null) {
                links.add(new NumberLink(leg.replacementTracking(), tenant(), id(), leg.supplier(), false));
            }
        }
        return links;
    }

    /**
     * Where a number leads within this case. Numbers are compared by {@link ReturnNumber#uniquenessKey()}, so a
     * return tracking number also finds the same parcel given as a replacement tracking number.
     *
     * @param number the number
     * @return its link, or empty when the number is not linked to this case
     */
    public Optional<NumberLink> resolve(ReturnNumber number) {
        if (customerNumber().sameKey(number)) {
            return Optional.of(new NumberLink(customerNumber(), tenant(), id(), null, false));
        }
        if (resellerNumber().sameKey(number)) {
            return Optional.of(new NumberLink(resellerNumber(), tenant(), id(), null, false));
        }
        for (Leg leg : legs()) {
            ReturnNumber found = leg.numberLike(number);
            if (found != null) {
                boolean superseded = found != leg.supplierNumber() && leg.supersededNumbers().contains(found);
                return Optional.of(new NumberLink(found, tenant(), id(), leg.supplier(), superseded));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a number is linked to this case; allocates nothing.
     *
     * @param number the number
     * @return true when a number with the same uniqueness key is linked to this case
     */
    public boolean isLinked(ReturnNumber number) {
        if (customerNumber().sameKey(number) || resellerNumber().sameKey(number)) {
            return true;
        }
        int count = legCount();
        for (int i = 0; i < count; i++) {
            if (legAt(i).numberLike(number) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The earliest due time of any leg's deadline under a policy.
     *
     * @param policy the deadline policy
     * @return the earliest due time, or empty when none is pending
     */
    public Optional<Instant> nextDueAt(DeadlinePolicy policy) {
        Instant earliest = null;
        for (Leg leg : legs()) {
            Instant due = leg.dueAt(policy).orElse(null);
            if (due != null && (earliest == null || due.isBefore(earliest))) {
                earliest = due;
            }
        }
        return Optional.ofNullable(earliest);
    }

    ReturnCase withLeg(Leg changed) {
        int count = legCount();
        for (int i = 0; i < count; i++) {
            if (legAt(i).supplier().equals(changed.supplier())) {
                return new ReturnCase(header, count == 1 ? changed : replaced(i, changed), version + 1,
                        externalVersions);
            }
        }
        throw new IllegalStateException("case " + id() + " has no leg of supplier " + changed.supplier());
    }

    ReturnCase withExternalVersion(ExternalVersion external) {
        Map<String, Long> next = new HashMap<>(externalVersions);
        next.put(external.source(), external.version());
        return new ReturnCase(header, legs, version + 1, Map.copyOf(next));
    }

    /** The legs of a case of several with the one at {@code index} replaced; two without an intermediate array. */
    private List<Leg> replaced(int index, Leg changed) {
        List<Leg> all = legs();
        if (all.size() == 2) {
            return index == 0 ? List.of(changed, all.get(1)) : List.of(all.get(0), changed);
        }
        Leg[] next = all.toArray(new Leg[0]);
        next[index] = changed;
        return List.of(next);
    }

    /**
     * Two cases are equal when their headers, legs, versions and external versions are.
     *
     * @param other the object to compare with
     * @return true when {@code other} is an equal case
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ReturnCase that) || version != that.version || legCount() != that.legCount()
                || !header.equals(that.header) || !externalVersions.equals(that.externalVersions)) {
            return false;
        }
        for (int i = 0; i < legCount(); i++) {
            if (!legAt(i).equals(that.legAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@return a hash of the header, the legs, the version and the external versions} */
    @Override
    public int hashCode() {
        int hash = header.hashCode();
        for (int i = 0; i < legCount(); i++) {
            hash = 31 * hash + legAt(i).hashCode();
        }
        return 31 * (31 * hash + Long.hashCode(version)) + externalVersions.hashCode();
    }

    /** {@return the case's parts, as a record would show them} */
    @Override
    public String toString() {
        return "ReturnCase[header=" + header + ", legs=" + legs() + ", version=" + version + ", externalVersions="
                + externalVersions + "]";
    }
}

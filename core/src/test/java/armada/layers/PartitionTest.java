package armada.layers;

import static org.assertj.core.api.Assertions.assertThat;

import armada.spec.Op;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.spec.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A partition holds when calls on different keys commute, and is broken, with both orders shown, when not. */
class PartitionTest {

    /** Two cells, 0 and 1, each free or held by a pid with a value. */
    record Cells(List<Integer> owner, List<Integer> value) {
    }

    sealed interface CellOp<R> extends Op<R> {
        int cell();
    }

    /** Takes a free cell; disabled while it is held. */
    record Take(int cell, int pid) implements CellOp<Unit> {
    }

    /** Frees a cell; undefined unless the caller holds it. */
    record Free(int cell, int pid) implements CellOp<Unit> {
    }

    record Set1(int cell, int v) implements CellOp<Unit> {
    }

    record Get(int cell) implements CellOp<Integer> {
    }

    /** With {@code leaky}, Get returns both cells' sum: a read across keys. With {@code global}, Take waits for both cells. */
    record CellSpec(boolean leaky, boolean global) implements Spec<Cells> {
        @Override
        public String name() {
            return "cells";
        }

        @Override
        public Cells initial() {
            return new Cells(List.of(0, 0), List.of(0, 0));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> Outcomes<R, Cells> step(Cells s, Op<R> op) {
            CellOp<?> o = (CellOp<?>) op;
            int k = o.cell();
            return (Outcomes<R, Cells>) switch (o) {
                case Take(int c, int p) -> (global ? s.owner().contains(0) && s.owner().equals(List.of(0, 0))
                        : s.owner().get(k) == 0) ? Outcomes.one(Unit.UNIT, with(s, k, p, s.value().get(k)))
                        : Outcomes.of(List.of());
                case Free(int c, int p) -> s.owner().get(k) != p ? Outcomes.undefined()
                        : Outcomes.one(Unit.UNIT, with(s, k, 0, s.value().get(k)));
                case Set1(int c, int v) -> Outcomes.one(Unit.UNIT, with(s, k, s.owner().get(k), v));
                case Get(int c) -> Outcomes.one(leaky ? s.value().get(0) + s.value().get(1) : s.value().get(k), s);
            };
        }

        private static Cells with(Cells s, int k, int owner, int value) {
            List<Integer> o = new ArrayList<>(s.owner());
            List<Integer> v = new ArrayList<>(s.value());
            o.set(k, owner);
            v.set(k, value);
            return new Cells(o, v);
        }

        @Override
        public Set<Cells> crash(Cells s) {
            return Set.of(initial());
        }
    }

    private static List<PidOp> domain() {
        List<PidOp> d = new ArrayList<>();
        for (int p = 1; p <= 2; p++) {
            for (int k = 0; k <= 1; k++) {
                d.add(new PidOp(p, new Take(k, p)));
                d.add(new PidOp(p, new Free(k, p)));
                d.add(new PidOp(p, new Set1(k, 1)));
                d.add(new PidOp(p, new Get(k)));
            }
        }
        return d;
    }

    private static Partition<Cells, Integer> partition(CellSpec spec) {
        return Partition.of(spec, domain(), "cell", op -> ((CellOp<?>) op).cell());
    }

    @Test
    void independentCells_commute_evenWhereOneCallIsDisabledAndTheOtherUndefined() {
        // From p1 holding cell 0: p1 Take(0) is disabled, p2 Free(1) undefined; neither order completes.
        LayerReport r = partition(new CellSpec(false, false)).run();
        assertThat(r).as(r.toString()).isInstanceOf(LayerReport.Checked.class);
        assertThat(((LayerReport.Checked) r).bounds()).startsWith("partition cells by cell: ")
                .contains("pairs of calls on different cells commute over 36 reachable states");
    }

    @Test
    void aReadAcrossCells_isBroken() {
        LayerReport r = partition(new CellSpec(true, false)).run();
        assertThat(r).isInstanceOf(LayerReport.Broken.class);
        var f = ((LayerReport.Broken) r).failure();
        assertThat(f.kind()).isEqualTo("partition-broken");
        assertThat(f.message()).contains("calls on different cells do not commute")
                .contains("from state Cells[owner=[0, 0], value=[0, 0]] (the initial state), p1 Set1[cell=0,"
                        + " v=1] then p2 Get[cell=1] gives Set1 -> (), Get -> 1, ending in Cells[owner=[0, 0],"
                        + " value=[1, 0]]; p2 Get[cell=1] then p1 Set1[cell=0, v=1] gives Get -> 0, Set1 -> (),"
                        + " ending in Cells[owner=[0, 0], value=[1, 0]] instead");
    }

    @Test
    void aCallThatWaitsForAnotherCell_isBroken() {
        // One lock for both cells: p1's Free of cell 0 enables p2's Take of cell 1.
        LayerReport r = partition(new CellSpec(false, true)).run();
        assertThat(r).isInstanceOf(LayerReport.Broken.class);
        assertThat(((LayerReport.Broken) r).failure().message()).contains("Take[cell=1")
                .contains("nothing (one of them is disabled)");
    }
}

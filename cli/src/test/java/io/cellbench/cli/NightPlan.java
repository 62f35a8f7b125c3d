package io.cellbench.cli;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * What goes wrong in the soak's night, drawn from its seed: which cell's instrument stalls and
 * when, when InfluxDB is down, which resumes race, and (as the night goes) the moments of the
 * kills. Kill k ends the process that the resume after kill k-1 started (kill 1 ends the run).
 *
 * @param kills         how many kill -9s
 * @param stalledCell   the cell whose channel never answers again
 * @param stallAfter    the stall comes while the process started after this kill runs (0: the run)
 * @param influxDownAt  InfluxDB is killed while the process started after this kill runs…
 * @param influxBackAt  …and started again while the one after this kill runs
 * @param racing        the kills after which two resumes are started together
 */
record NightPlan(int kills, String stalledCell, int stallAfter, int influxDownAt, int influxBackAt, Set<Integer> racing) {

    static NightPlan draw(Random random, int kills, List<String> cells) {
        String stalled = cells.get(random.nextInt(cells.size()));
        int stallAfter = 2 + random.nextInt(7); // 2..8
        int down = 3 + random.nextInt(8); // 3..10
        int back = down + 3 + random.nextInt(5); // 3 to 7 processes later, before the last kill
        Set<Integer> racing = new TreeSet<>();
        while (racing.size() < 2) {
            racing.add(1 + random.nextInt(kills - 1)); // never the last resume, which must run to the end alone
        }
        return new NightPlan(kills, stalled, stallAfter, down, back, Set.copyOf(racing));
    }

    @Override
    public String toString() {
        return kills + " kills; " + stalledCell + " stalls for good after kill " + stallAfter + "; InfluxDB down after kill "
                + influxDownAt + ", back after kill " + influxBackAt + "; racing resumes after kills " + new TreeSet<>(racing);
    }

    /**
     * One kill -9.
     *
     * @param index       1-based
     * @param pid         the process killed
     * @param runTime     the run's lab time at the kill (the lab file's scale)
     * @param cellTime    the cells' time at the kill (it stands still until the next process speaks to them)
     * @param stood       lab seconds the cells had stood still before (over the earlier interruptions): in the
     *                    process this kill ends, the cells' time was the run's time less this
     * @param ahead       lab seconds the killed process's clock ran ahead of the run's time besides (a step of the
     *                    wall clock before it started, see {@link LabTimeWhileDown#ahead}): its clock less
     *                    {@code stood} and this was the cells' time
     * @param journaled   each cell's journal at the kill: its position's unix time, or NaN without a position
     */
    record Kill(int index, long pid, double runTime, double cellTime, double stood, double ahead,
                Map<String, Double> journaled) {

        /** Lab seconds the cells' time was behind the killed process's clock. */
        double behind() {
            return stood + ahead;
        }
    }
}

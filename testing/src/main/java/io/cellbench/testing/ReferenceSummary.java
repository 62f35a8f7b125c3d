package io.cellbench.testing;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of a module's tests, how many reference checks could not run because the
 * reference data were absent, so that absence is loud even when the tests were only aborted.
 * Registered for every test run through {@code META-INF/services}.
 */
public final class ReferenceSummary implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        int notRun = ReferenceData.NOT_RUN.getAndSet(0);
        if (notRun > 0) {
            System.out.println();
            System.out.println("*** reference data absent: " + notRun + " checks not run ***");
            System.out.println("*** put the reference beside the project as ../shared/reference or set CELLBENCH_REFERENCE ***");
            System.out.println();
        }
    }
}

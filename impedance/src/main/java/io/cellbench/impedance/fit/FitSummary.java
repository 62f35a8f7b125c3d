package io.cellbench.impedance.fit;

import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.Residuals;
import io.cellbench.impedance.circuit.Circuit;
import java.util.ArrayList;
import java.util.List;

/** Turns the best optimiser run into a {@link FitResult}: errors, residuals, figures of merit, warnings. */
final class FitSummary {

    /** A parameter this close (relative to its bound's scale) to a bound is reported as on it. */
    private static final double AT_BOUND = 1e-6;

    private FitSummary() {
    }

    static FitResult of(FitProblem problem, FitRequest request, double[] p, boolean converged, int evaluations,
                        int starts, double[] lower, double[] upper) {
        Circuit circuit = problem.circuit;
        MeasuredSpectrum spectrum = problem.spectrum;
        double chiSquare = problem.chiSquare(p);
        double[] errors = StandardErrors.of(problem, p, chiSquare);
        List<FittedParameter> parameters = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int freeIndex = 0;
        for (int k = 0; k < p.length; k++) {
            Circuit.Parameter spec = circuit.parameters().get(k);
            boolean fixed = freeIndex >= problem.free.length || problem.free[freeIndex] != k;
            double error = fixed ? 0 : errors[freeIndex++];
            boolean atBound = !fixed && (near(p[k], lower[k]) || near(p[k], upper[k]));
            if (atBound) {
                warnings.add(spec.name() + " ended on its bound (" + p[k] + " " + spec.unit()
                        + "): the circuit may have an element the spectrum does not show, or lack one it does");
            } else if (!fixed && !Double.isFinite(error)) {
                warnings.add(spec.name() + " is not determined by this spectrum (its standard error is infinite)");
            }
            parameters.add(new FittedParameter(spec.name(), spec.element(), spec.symbol(), spec.unit(), p[k], error,
                    fixed, lower[k], upper[k], atBound));
        }
        int n = spectrum.size();
        List<ImpedancePoint> model = problem.model(p);
        if (!converged) {
            warnings.add("the optimiser did not converge; the values are the best it reached");
        }
        int dof = Math.max(1, 2 * n - problem.free.length);
        return new FitResult(request.circuit(), request.weighting(), parameters, model,
                Residuals.between(spectrum, model), chiSquare, chiSquare / dof, problem.free.length, evaluations, starts,
                converged, converged, warnings);
    }

    private static boolean near(double value, double bound) {
        if (!Double.isFinite(bound)) {
            return false;
        }
        return Math.abs(value - bound) <= AT_BOUND * Math.max(Math.abs(bound), Math.abs(value)) + 1e-300
                || (bound == 0 && Math.abs(value) < 1e-12 * Math.max(1, Math.abs(value)) && value != 0);
    }
}

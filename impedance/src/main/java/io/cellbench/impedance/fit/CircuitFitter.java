package io.cellbench.impedance.fit;

import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.circuit.Circuit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Bounded nonlinear least squares of an equivalent circuit to a spectrum: Moré's
 * Levenberg–Marquardt on the normal equations ({@link LevenbergMarquardt}) in unbounded
 * coordinates ({@link ParameterTransform}), with the exact
 * Jacobian of the circuit, started from each candidate of {@link InitialGuess} (or the user's
 * guess), keeping the lowest χ². Standard errors come from {@link StandardErrors}.
 */
public final class CircuitFitter {

    /** Per start; a well-posed 9-parameter fit needs 10–60. */
    private static final int MAX_EVALUATIONS = 3000;

    private CircuitFitter() {
    }

    /** Fits {@code request}'s circuit to {@code spectrum}. Bad names or values in the request throw with the reason. */
    public static FitResult fit(MeasuredSpectrum spectrum, FitRequest request) {
        Circuit circuit = Circuit.parse(request.circuit());
        RequestCheck.names(circuit, request);
        int count = circuit.parameterCount();
        double[] lower = new double[count];
        double[] upper = new double[count];
        double[] fixed = new double[count];
        List<Integer> freeList = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Circuit.Parameter parameter = circuit.parameters().get(k);
            Bounds b = request.bounds().getOrDefault(parameter.name(),
                    new Bounds(parameter.kind().lower(), parameter.kind().upper()));
            lower[k] = b.lower();
            upper[k] = b.upper();
            Double constant = request.fixed().get(parameter.name());
            if (constant != null) {
                fixed[k] = RequestCheck.finite(parameter.name(), constant);
            } else {
                freeList.add(k);
            }
        }
        int[] free = freeList.stream().mapToInt(Integer::intValue).toArray();
        ParameterTransform[] transforms = new ParameterTransform[free.length];
        for (int j = 0; j < free.length; j++) {
            transforms[j] = new ParameterTransform(lower[free[j]], upper[free[j]]);
        }
        FitProblem problem = new FitProblem(circuit, spectrum, request.weighting().sigmas(spectrum), fixed, free,
                transforms);

        List<double[]> starts = startingPoints(circuit, spectrum, request, fixed);
        Run best = null;
        int evaluations = 0;
        for (double[] start : starts) {
            Run run = optimise(problem, start);
            evaluations += run.evaluations;
            double[] reseated = reseatCollapsed(problem, start, run.parameters);
            if (reseated != null) {
                Run again = optimise(problem, reseated);
                evaluations += again.evaluations;
                run = again.chiSquare < run.chiSquare ? again : run;
            }
            if (best == null || run.chiSquare < best.chiSquare) {
                best = run;
            }
        }
        // with nothing held or bounded by the user, the arcs are named in written order, short τ first
        double[] result = request.fixed().isEmpty() && request.bounds().isEmpty()
                ? ArcOrder.ascending(circuit, best.parameters) : best.parameters;
        return FitSummary.of(problem, request, result, best.converged, evaluations, starts.size(),
                lower, upper);
    }

    /** The user's full guess, or the automatic candidates with the user's values put in. */
    private static List<double[]> startingPoints(Circuit circuit, MeasuredSpectrum spectrum, FitRequest request,
                                                 double[] fixed) {
        List<double[]> candidates = new ArrayList<>();
        boolean complete = circuit.parameters().stream().allMatch(p -> request.initialGuess().containsKey(p.name())
                || request.fixed().containsKey(p.name()));
        if (complete) {
            candidates.add(new double[circuit.parameterCount()]);
        } else {
            candidates.addAll(InitialGuess.candidates(circuit, SpectrumFeatures.of(spectrum)));
        }
        for (double[] candidate : candidates) {
            for (int k = 0; k < candidate.length; k++) {
                String name = circuit.parameters().get(k).name();
                Double guess = request.initialGuess().get(name);
                if (guess != null) {
                    candidate[k] = RequestCheck.finite(name, guess);
                }
                if (request.fixed().containsKey(name)) {
                    candidate[k] = fixed[k];
                }
            }
        }
        return candidates;
    }

    /**
     * The optimum with every parameter that collapsed onto its lower bound (a log-transformed
     * parameter whose distance to the bound shrank a billionfold) put back at its start, or null
     * when none did. Down there its gradient vanishes, so an inductance dragged to 0 early in a
     * fit, before the arcs were right, could never come back on its own.
     */
    private static double[] reseatCollapsed(FitProblem problem, double[] start, double[] optimum) {
        double[] reseated = optimum.clone();
        boolean any = false;
        for (int j = 0; j < problem.free.length; j++) {
            int k = problem.free[j];
            double lower = problem.transforms[j].lower();
            if (Double.isFinite(lower) && optimum[k] - lower < 1e-9 * (start[k] - lower)) {
                reseated[k] = start[k];
                any = true;
            }
        }
        return any ? reseated : null;
    }

    private record Run(double[] parameters, double chiSquare, boolean converged, int evaluations) {
    }

    private static Run optimise(FitProblem problem, double[] start) {
        if (problem.free.length == 0) {
            return new Run(start, problem.chiSquare(start), true, 1);
        }
        int cols = problem.free.length;
        double[] chain = new double[cols];
        LevenbergMarquardt.Outcome outcome = LevenbergMarquardt.minimise((u, values, jacobian) -> {
            for (int j = 0; j < cols; j++) {
                chain[j] = problem.transforms[j].derivative(u[j]);
            }
            problem.evaluate(problem.parameters(u), chain, values, jacobian);
        }, problem.target(), problem.internal(start), MAX_EVALUATIONS);
        // the lowest χ² seen, in case the optimiser ran out of evaluations
        double[] p = problem.parameters(outcome.point());
        return new Run(p, problem.chiSquare(p), outcome.converged() && Arrays.stream(p).allMatch(Double::isFinite),
                outcome.evaluations());
    }

    /** Checks of the request against the circuit, with messages that name the problem. */
    static final class RequestCheck {

        private RequestCheck() {
        }

        static void names(Circuit circuit, FitRequest request) {
            for (Map<String, ?> map : List.of(request.initialGuess(), request.fixed(), request.bounds())) {
                for (String name : map.keySet()) {
                    if (circuit.indexOf(name) < 0) {
                        throw new IllegalArgumentException("circuit " + circuit.text() + " has no parameter '" + name
                                + "'; its parameters are " + circuit.parameters().stream()
                                .map(Circuit.Parameter::name).toList());
                    }
                }
            }
        }

        static double finite(String name, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("parameter " + name + " must be a finite number, got " + value);
            }
            return value;
        }
    }
}

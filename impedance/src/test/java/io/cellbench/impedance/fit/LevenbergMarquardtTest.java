package io.cellbench.impedance.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellbench.core.instrument.ImpedancePoint;
import io.cellbench.impedance.MeasuredSpectrum;
import io.cellbench.impedance.SimulatedSpectra;
import io.cellbench.impedance.circuit.Circuit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fit's own Levenberg–Marquardt (Moré's algorithm on the normal equations) against
 * Hipparchus' {@code LevenbergMarquardtOptimizer} (the same algorithm on a pivoted QR), which
 * the fit used before: from the same start on the same problem both reach the same optimum, in
 * about the same number of evaluations; and a Jacobian with dependent columns (a singular JᵀJ,
 * which the normal equations cannot factor) still gives a fit.
 */
class LevenbergMarquardtTest {

    @ParameterizedTest
    @ValueSource(doubles = {2e6, 50e6, 200e6})
    void reachesHipparchusOptimumFromTheSameStart(double pressurePa) {
        MeasuredSpectrum spectrum = SimulatedSpectra.measure(SimulatedSpectra.coinCell(), pressurePa, "eis");
        FitProblem problem = allFree(spectrum, SolidStateCircuit.CIRCUIT);
        double[] start = problem.internal(InitialGuess.candidates(problem.circuit, SpectrumFeatures.of(spectrum))
                .getFirst());
        LevenbergMarquardt.Model model = model(problem);
        LevenbergMarquardt.Outcome ours = LevenbergMarquardt.minimise(model, problem.target(), start, 3000);
        LeastSquaresOptimizer.Optimum theirs = hipparchus(model, problem.target(), start);

        assertTrue(ours.converged());
        double theirChiSquare = theirs.getCost() * theirs.getCost();
        assertEquals(theirChiSquare, ours.chiSquare(), 1e-9 * theirChiSquare, "χ²");
        for (int j = 0; j < start.length; j++) {
            double u = theirs.getPoint().getEntry(j);
            assertEquals(u, ours.point()[j], 1e-5 * Math.max(1, Math.abs(u)), "u" + j + " at " + pressurePa + " Pa");
        }
        assertEquals(theirs.getEvaluations(), ours.evaluations(), 0.2 * theirs.getEvaluations(), "evaluations");
    }

    @Test
    void dependentParametersStillFitTheirSum() {
        // R0 and R1 in series: only R0 + R1 is seen, so JᵀJ is singular at every point
        Circuit truth = Circuit.parse("R0-p(R1,C1)");
        double[] values = {10, 50, 1e-5};
        List<ImpedancePoint> points = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double f = Math.pow(10, 5 - 0.2 * i);
            Complex z = truth.impedance(f, values);
            double wobble = 1 + 1e-3 * Math.sin(7 * i);
            points.add(new ImpedancePoint(f, z.getReal() * wobble, z.getImaginary() * wobble));
        }
        FitResult fit = CircuitFitter.fit(MeasuredSpectrum.of(points), FitRequest.of("R0-R1-p(R2,C2)")
                .withGuess("R0", 3).withGuess("R1", 3).withGuess("R2", 30).withGuess("C2", 1e-6));

        assertEquals(10, fit.value("R0") + fit.value("R1"), 0.05, "R0 + R1");
        assertEquals(50, fit.value("R2"), 0.5, "R2");
        assertEquals(1e-5, fit.value("C2"), 1e-7, "C2");
        assertTrue(fit.chiSquare() < 1e-4, "χ² " + fit.chiSquare());
        assertTrue(Double.isInfinite(fit.parameter("R0").standardError()), "R0 is not determined alone");
    }

    private static FitProblem allFree(MeasuredSpectrum spectrum, String text) {
        Circuit circuit = Circuit.parse(text);
        int n = circuit.parameterCount();
        ParameterTransform[] transforms = circuit.parameters().stream()
                .map(p -> new ParameterTransform(p.kind().lower(), p.kind().upper())).toArray(ParameterTransform[]::new);
        return new FitProblem(circuit, spectrum, Weighting.MODULUS.sigmas(spectrum), new double[n],
                IntStream.range(0, n).toArray(), transforms);
    }

    private static LevenbergMarquardt.Model model(FitProblem problem) {
        return (u, values, jacobian) -> {
            double[] chain = new double[u.length];
            for (int j = 0; j < u.length; j++) {
                chain[j] = problem.transforms[j].derivative(u[j]);
            }
            problem.evaluate(problem.parameters(u), chain, values, jacobian);
        };
    }

    private static LeastSquaresOptimizer.Optimum hipparchus(LevenbergMarquardt.Model model, double[] target,
                                                            double[] start) {
        int rows = target.length;
        int cols = start.length;
        return new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .start(start.clone()).target(target).maxEvaluations(3000).maxIterations(3000).lazyEvaluation(false)
                .model(point -> {
                    double[] values = new double[rows];
                    double[][] columns = new double[cols][rows];
                    model.evaluate(point.toArray(), values, columns);
                    return new Pair<>(new ArrayRealVector(values, false),
                            new Array2DRowRealMatrix(columns, false).transpose());
                }).build());
    }
}

package io.cellbench.impedance.circuit;

import org.hipparchus.complex.Complex;

/**
 * Z(ω) of each element and its derivative with respect to each parameter, written out
 * analytically so the fit's Jacobian is exact (and cheap: no finite differences).
 */
final class ElementImpedance {

    private static final Complex J = Complex.I;
    private static final double HALF_PI = Math.PI / 2;

    private ElementImpedance() {
    }

    /**
     * Z at angular frequency {@code omega} for the parameters {@code p[offset …]}; the
     * derivatives go to {@code dz[offset …]} when {@code dz} is not null.
     */
    static Complex evaluate(ElementType type, double omega, double[] p, int offset, Complex[] dz) {
        double a = p[offset];
        double b = type.parameterCount() > 1 ? p[offset + 1] : 0;
        double c = type.parameterCount() > 2 ? p[offset + 2] : 0;
        // {Z, dZ/dp0, dZ/dp1, …}
        Complex[] zd = switch (type) {
            case R -> {
                Complex z = new Complex(a);
                yield new Complex[] {z, Complex.ONE};
            }
            case C -> {
                Complex z = new Complex(0, -1 / (omega * a));
                yield new Complex[] {z, new Complex(0, 1 / (omega * a * a))};
            }
            case L -> {
                Complex z = new Complex(0, omega * a);
                yield new Complex[] {z, new Complex(0, omega)};
            }
            case La -> {
                // (jωL)^α = (ωL)^α·e^{jαπ/2}
                Complex z = polar(Math.pow(omega * a, b), b * HALF_PI);
                yield new Complex[] {z, z.multiply(b / a), z.multiply(new Complex(Math.log(omega * a), HALF_PI))};
            }
            case CPE -> {
                Complex z = polar(1 / (a * Math.pow(omega, b)), -b * HALF_PI);
                yield new Complex[] {z, z.divide(-a), z.multiply(new Complex(-Math.log(omega), -HALF_PI))};
            }
            case W -> {
                Complex unit = new Complex(1, -1).divide(Math.sqrt(omega));
                Complex z = unit.multiply(a);
                yield new Complex[] {z, unit};
            }
            case Wo -> {
                // Z0·coth(s)/s, s = √(jωτ); dZ/dτ = −Z0/(2τ)·(coth²s − 1 + coth(s)/s)
                Complex s = new Complex(0, omega * b).sqrt();
                Complex coth = tanh(s).reciprocal();
                Complex shape = coth.divide(s);
                Complex z = shape.multiply(a);
                yield new Complex[] {z, shape, coth.multiply(coth).subtract(1).add(shape).multiply(-a / (2 * b))};
            }
            case Ws -> {
                // Z0·tanh(s)/s; dZ/dτ = Z0/(2τ)·(1 − tanh²s − tanh(s)/s)
                Complex s = new Complex(0, omega * b).sqrt();
                Complex t = tanh(s);
                Complex shape = t.divide(s);
                Complex z = shape.multiply(a);
                yield new Complex[] {z, shape, Complex.ONE.subtract(t.multiply(t)).subtract(shape).multiply(a / (2 * b))};
            }
            case K -> {
                Complex denominator = new Complex(1, omega * b);
                Complex shape = denominator.reciprocal();
                Complex z = shape.multiply(a);
                yield new Complex[] {z, shape, shape.multiply(shape).multiply(new Complex(0, -a * omega))};
            }
            case Zarc -> {
                // R/(1 + x), x = (jωτ)^γ
                Complex x = polar(Math.pow(omega * b, c), c * HALF_PI);
                Complex shape = x.add(1).reciprocal();
                Complex z = shape.multiply(a);
                Complex common = shape.multiply(shape).multiply(x).multiply(-a);
                yield new Complex[] {z, shape, common.multiply(c / b),
                        common.multiply(new Complex(Math.log(omega * b), HALF_PI))};
            }
            case G -> {
                Complex q2 = new Complex(1, omega * b);
                Complex shape = q2.sqrt().reciprocal();
                Complex z = shape.multiply(a);
                yield new Complex[] {z, shape, z.multiply(J).multiply(-omega / 2).divide(q2)};
            }
            case Gs -> {
                // R/(q·tanh(φq)), q = √(1 + jωτ)
                Complex q = new Complex(1, omega * b).sqrt();
                Complex t = tanh(q.multiply(c));
                Complex qt = q.multiply(t);
                Complex z = qt.reciprocal().multiply(a);
                Complex sech2 = Complex.ONE.subtract(t.multiply(t));
                Complex dzdq = t.add(q.multiply(sech2).multiply(c)).divide(qt.multiply(qt)).multiply(-a);
                Complex dqdtau = J.multiply(omega).divide(q.multiply(2));
                yield new Complex[] {z, qt.reciprocal(), dzdq.multiply(dqdtau), sech2.divide(t.multiply(t)).multiply(-a)};
            }
        };
        if (dz != null) {
            System.arraycopy(zd, 1, dz, offset, zd.length - 1);
        }
        return zd[0];
    }

    private static Complex polar(double modulus, double argument) {
        return new Complex(modulus * Math.cos(argument), modulus * Math.sin(argument));
    }

    /** tanh that stays finite for large arguments (a finite Warburg at ωτ ≫ 1 has Re s in the hundreds). */
    static Complex tanh(Complex s) {
        double re = s.getReal();
        if (Math.abs(re) > 20) {
            // tanh(x + jy) = ±1 − 2e^{∓2(x+jy)}/(1 + …) ≈ ±1 to double precision well before x = 20
            double sign = Math.signum(re);
            Complex e = new Complex(-2 * Math.abs(re), -2 * sign * s.getImaginary()).exp();
            return new Complex(sign).subtract(e.multiply(2 * sign));
        }
        return s.tanh();
    }
}

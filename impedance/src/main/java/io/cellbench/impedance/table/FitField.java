package io.cellbench.impedance.table;

import static io.cellbench.core.data.ColumnValue.float64;
import static io.cellbench.core.data.ColumnValue.int32;

import io.cellbench.core.data.ColumnTerm;
import io.cellbench.core.data.ColumnValue;
import io.cellbench.core.data.DataColumn;
import io.cellbench.impedance.fit.FitResult;

/**
 * The fixed columns of a fit table ({@code fits.arrows}, {@code data eis --fit/--kk}) that follow
 * where the sweep was taken ({@link SweepField}) and the circuit's parameters
 * ({@link FitColumns}): how well the circuit fits and the Lin-KK verdict. Flags are int32 0/1.
 */
public enum FitField implements DataColumn<FitRow> {
    FIT_RMS_RESIDUAL(ColumnTerm.own("fit_rms_residual", "1", "Fit RMS Residual / 1"),
            float64(r -> r.fitted(FitResult::rmsRelativeResidual))),
    CHI_SQUARE(ColumnTerm.own("chi_square", "1", "Chi Square / 1"), float64(r -> r.fitted(FitResult::chiSquare))),
    REDUCED_CHI_SQUARE(ColumnTerm.own("reduced_chi_square", "1", "Reduced Chi Square / 1"),
            float64(r -> r.fitted(FitResult::reducedChiSquare))),
    CONVERGED(ColumnTerm.own("fit_converged", "1", "Fit Converged / 1"),
            int32(r -> r.fit() != null && r.fit().converged() ? 1 : 0)),
    /** Converged, and the sweep passed the Lin-KK test. */
    TRUSTWORTHY(ColumnTerm.own("fit_trustworthy", "1", "Fit Trustworthy / 1"),
            int32(r -> r.fit() != null && r.fit().trustworthy() ? 1 : 0)),
    LIN_KK_PASSED(ColumnTerm.own("lin_kk_passed", "1", "Lin-KK Passed / 1"), int32(r -> r.validity().passed() ? 1 : 0)),
    LIN_KK_ELEMENTS(ColumnTerm.own("lin_kk_elements", "1", "Lin-KK Elements / 1"), int32(r -> r.validity().elements())),
    LIN_KK_MU(ColumnTerm.own("lin_kk_mu", "1", "Lin-KK Mu / 1"), float64(r -> r.validity().mu())),
    /** The largest |residual| of either part, relative to |Z|. */
    LIN_KK_MAX_RESIDUAL(ColumnTerm.own("lin_kk_max_residual", "1", "Lin-KK Max Residual / 1"),
            float64(r -> r.validity().maxResidual())),
    LIN_KK_RMS_RESIDUAL(ColumnTerm.own("lin_kk_rms_residual", "1", "Lin-KK RMS Residual / 1"),
            float64(r -> r.validity().rmsResidual()));

    private final Definition<FitRow> definition;

    FitField(ColumnTerm term, ColumnValue<FitRow> value) {
        definition = new Definition<>(term, value);
    }

    @Override
    public Definition<FitRow> definition() {
        return definition;
    }
}

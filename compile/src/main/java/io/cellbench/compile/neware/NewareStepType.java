package io.cellbench.compile.neware;

/**
 * The step kinds of a BTS step file, by the number BTS writes in {@code Step_Type} (the same
 * numbers NewareNDA and fastnda decode from recorded data: 1 CC_Chg … 20 CCCV_DChg).
 */
enum NewareStepType {
    CC_CHG(1), CC_DCHG(2), CV_CHG(3), REST(4), CYCLE(5), END(6), CCCV_CHG(7), CP_DCHG(8), CP_CHG(9), CR_DCHG(10),
    CV_DCHG(19), CCCV_DCHG(20);

    final int code;

    NewareStepType(int code) {
        this.code = code;
    }
}

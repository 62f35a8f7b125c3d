package io.cellbench.plot;

/**
 * What the capacity plot's axis shows. Cells of very different size (a 2 mAh coin cell and a
 * 300 mAh pouch) on one mAh axis leave the small ones as a flat line at zero, so by default
 * such cells are drawn as a share of their nominal capacity.
 */
public enum CapacityAxis {
    /** Percent of nominal when the cells' nominal capacities differ by more than {@link #SIZES_APART}, else mAh. */
    AUTO,
    MAH,
    PERCENT;

    /** Nominal capacities further apart than this factor are not drawn on one mAh axis by default. */
    static final double SIZES_APART = 3;
}

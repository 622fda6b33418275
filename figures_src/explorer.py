"""What the explorers' data scripts (figures_src/<page>/explore_<name>.py) share."""

import numpy as np


def sig(x, digits=6):
    """x to `digits` significant digits (compact JSON; the readout's 2-3 digits round
    the same as from the full value), or None where it is not finite (JSON null)."""
    return float(f"{x:.{digits}g}") if np.isfinite(x) else None

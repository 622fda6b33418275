"""Budgets: page weight of every page, and a rebuild with nothing changed is cheap.

`python -m tools.budget --times` prints the same numbers as a table.
"""

from __future__ import annotations

from tools import budget


def test_page_weight(site):
    weights = budget.page_weights(site)
    assert weights, "no page in the built site"
    problems = budget.weight_problems(weights)
    assert not problems, "over budget:\n" + "\n".join(problems)


def test_explorer_viewer_and_data_sizes(site):
    sizes = budget.explorer_sizes(site)
    assert budget.VIEWER in sizes and len(sizes) >= 4, sizes
    problems = budget.explorer_problems(sizes)
    assert not problems, "over budget:\n" + "\n".join(problems)


def test_rebuild_with_nothing_changed_redoes_nothing_and_is_fast():
    # nox -s e2e has just built the site; one round (the minimum of more is steadier,
    # but each round is two builds of CPU taken from the browser checks)
    times = budget.time_builds(rounds=1, warm=False)
    print(
        f"rebuild {times.rebuild:.1f} CPU s, MkDocs alone {times.mkdocs:.1f} CPU s, "
        f"ratio {times.ratio:.2f}"
    )
    assert not times.redrawn, f"a rebuild with nothing changed redid {times.redrawn}"
    assert times.ratio <= budget.REBUILD_RATIO_LIMIT, (
        f"rebuild {times.rebuild:.1f} CPU s vs MkDocs alone {times.mkdocs:.1f} CPU s: "
        f"ratio {times.ratio:.2f} > {budget.REBUILD_RATIO_LIMIT}"
    )

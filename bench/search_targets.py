"""The targets of issue 8 for ``make bench-search``, checked on its rows.

At 100,000 texts: ``@legal-search`` on OpenSearch at p95 ≤ 0.1 × plain
``@search``'s p95, and on the catalog (facets and snippets) at p95 ≤ plain
``@search``'s p95. Without a row for 100,000 they are checked on the largest
size measured, and the text says so.
"""

TARGET_SIZE = 100_000
# (column, factor of the vanilla p95 it must stay under, what it says)
TARGETS = (
    (
        "legal OpenSearch p95",
        0.1,
        "`@legal-search` on OpenSearch p95 ≤ 0.1 × vanilla p95",
    ),
    ("legal catalog p95", 1.0, "`@legal-search` on the catalog p95 ≤ vanilla p95"),
)


def targets(rows: list[dict]) -> str:
    """Markdown lines: each target, its numbers and whether it is met."""
    row = next((r for r in rows if r["items"] == TARGET_SIZE), rows[-1])
    where = f"{row['items']:,} texts"
    if row["items"] != TARGET_SIZE:
        where += f" ({TARGET_SIZE:,} not measured in this run)"
    lines = [f"Targets (issue 8, at {TARGET_SIZE:,} texts), checked at {where}:", ""]
    anchor = row["vanilla p95"]
    for column, factor, text in TARGETS:
        limit = factor * anchor
        verdict = "met" if row[column] <= limit else "**not met**"
        lines.append(
            f"- {text}: {row[column]:,.1f} ms for a limit of {limit:,.1f} ms: {verdict}"
        )
    return "\n".join(lines) + "\n"

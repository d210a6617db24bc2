"""``breakdown``: listed parts against the total they break down.

Flagged: "The convoy lost 15 vehicles: three buggies, twelve cars and an armored vehicle."
(3 + 12 + 1 = 16, but the text says 15). Also flagged when the parts listed after
"including" already exceed the total ("10 vehicles, including eight cars and four
trucks").

Passing: "several vehicles, including three buggies, twelve cars and an armored vehicle"
(a vague total only gains a lower bound), "16 vehicles, including three buggies and twelve
cars" ("including" need not list every part).
"""

from __future__ import annotations

import pandas as pd

from checks.engine.pandas.builtin import BuiltinSettings, builtin
from checks.engine.pandas.builtin.additive import additive_findings
from checks.findings import Finding
from checks.rules.model import RuleFile


@builtin("breakdown")
def check_breakdowns(
    members: pd.DataFrame, settings: BuiltinSettings, rule_file: RuleFile
) -> list[Finding]:
    """Findings of every breakdown relation whose parts cannot fit their total."""
    exhaustive = members.drop_duplicates("relation_id").set_index("relation_id")["exhaustive"]
    return additive_findings(members, settings, exhaustive.astype("boolean").fillna(False))

"""``sum``: figures against the total the text says they make.

Flagged: "Ukrainian forces killed 77 soldiers and injured 40, 107 casualties in all"
(77 + 40 = 117, but the text says 107).

Passing: "killed 77 and injured 40, 117 casualties in all"; "killed about 80 and injured
some 40, roughly 120 in all" (hedged figures leave room).
"""

from __future__ import annotations

import pandas as pd

from checks.engine.pandas.builtin import BuiltinSettings, builtin
from checks.engine.pandas.builtin.additive import additive_findings
from checks.findings import Finding
from checks.rules.model import RuleFile


@builtin("sum")
def check_sums(
    members: pd.DataFrame, settings: BuiltinSettings, rule_file: RuleFile
) -> list[Finding]:
    """Findings of every sum relation whose parts cannot add up to its total."""
    relation_ids = members["relation_id"].drop_duplicates()
    exhaustive = pd.Series(True, index=relation_ids.to_numpy())
    return additive_findings(members, settings, exhaustive)

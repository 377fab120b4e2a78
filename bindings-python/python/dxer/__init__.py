"""dxer: validate, convert and reason about records of Azerbaijan's State Services Electronic Registry.

Every rule, finding code and message comes from the Rust core (the same findings as the command line and
the browser); this package converts Python values and errors only.

>>> import dxer
>>> report = dxer.validate('{"record_id": 5}', lang="en")
>>> report.ok
False
>>> [(f.code, f.pointer) for f in report][:2]
[('DXER-S001', '/creating_act'), ('DXER-S001', '/directions')]
"""

from __future__ import annotations

from dxer import _boundary, _dxer

_boundary.install(_dxer)  # every error of a call is a DxerError (bad arguments included)

from dxer._dxer import (  # noqa: E402
    Calendar,
    CodeLists,
    CpsvImport,
    DigestCheck,
    Duty,
    DutyStatus,
    Finding,
    Policy,
    Registry,
    RegistryFinding,
    Report,
    Transition,
    __version__,
    allowed_events,
    amend,
    apply_event,
    canonical_bytes,
    canonical_json,
    check_options,
    diff,
    diff_values,
    digest,
    due_findings,
    duties,
    from_cpsv_jsonld,
    next_state,
    opendata_columns,
    render_html,
    render_markdown,
    schema_org_script_tag,
    status_at,
    system_due_findings,
    system_duties,
    system_status_at,
    to_cpsv_jsonld,
    to_csv,
    to_jsonl,
    to_schema_org,
    validate,
    validate_many,
    verify_digest,
    with_digest,
)
from dxer._errors import (  # noqa: E402
    ArgumentError,
    ArgumentRangeError,
    ArgumentValueError,
    CalendarError,
    DxerError,
    ParseError,
    PublicationWarning,
    ValidationError,
    WithheldError,
    WorkflowError,
)

__all__ = [
    "ArgumentError",
    "ArgumentRangeError",
    "ArgumentValueError",
    "Calendar",
    "CalendarError",
    "CodeLists",
    "CpsvImport",
    "DigestCheck",
    "Duty",
    "DutyStatus",
    "DxerError",
    "Finding",
    "ParseError",
    "Policy",
    "PublicationWarning",
    "Registry",
    "RegistryFinding",
    "Report",
    "Transition",
    "ValidationError",
    "WithheldError",
    "WorkflowError",
    "__version__",
    "allowed_events",
    "amend",
    "apply_event",
    "canonical_bytes",
    "canonical_json",
    "check_options",
    "diff",
    "diff_values",
    "digest",
    "due_findings",
    "duties",
    "from_cpsv_jsonld",
    "next_state",
    "opendata_columns",
    "render_html",
    "render_markdown",
    "schema_org_script_tag",
    "status_at",
    "system_due_findings",
    "system_duties",
    "system_status_at",
    "to_cpsv_jsonld",
    "to_csv",
    "to_jsonl",
    "to_schema_org",
    "validate",
    "validate_many",
    "verify_digest",
    "with_digest",
]

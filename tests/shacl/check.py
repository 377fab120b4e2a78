#!/usr/bin/env python3
# Usage (in a venv with tests/shacl/requirements.txt): python3 tests/shacl/check.py OUTDIR [OUTDIR...]  — checks OUTDIR/*.jsonld.
"""Validates dxer's CPSV-AP exports against the official CPSV-AP 3.2.0 SHACL shapes with pySHACL.

Each OUTDIR holds the JSON-LD written by `cargo run -q -p dxer --example export_cpsv -- OUTDIR FILES...`.
Every file must conform with zero violations, both as written (no inference, closed-world `sh:class`) and
with RDFS inference over the official vocabulary (so e.g. a PublicOrganisation is also an Agent).

First the checker proves itself on the official example, which has exactly 6 known `sh:class`
violations (untyped code-list IRIs, see SOURCE.md): they are printed as "expected", and a different
count fails the run.

The official files are read from tests/vendor/cpsv-ap-3.2.0/ inside the repository (CC BY 4.0, source and
licence in its SOURCE.md), or from $DXER_CPSV_REF. The JSON-LD context URL is never fetched: it is replaced by the local copy of the
official context before parsing; any other remote context is an error.

Exit code: 0 all conform, 1 a violation (or the example's count changed), 2 a setup error.
"""

import json
import os
import sys
from pathlib import Path

CONTEXT_URL = "https://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld"
EXPECTED_EXAMPLE_VIOLATIONS = 6
SH = "http://www.w3.org/ns/shacl#"
PREFIXES = {
    "dct": "http://purl.org/dc/terms/",
    "cv": "http://data.europa.eu/m8g/",
    "cpsv": "http://purl.org/vocab/cpsv#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dxer": "https://dxer.az/ns#",
    "ex": "http://example.com/",
}


def fail_setup(message):
    print(f"setup error: {message}", file=sys.stderr)
    sys.exit(2)


try:
    import pyshacl
    import rdflib
    from rdflib.namespace import RDF
except ImportError as e:  # pragma: no cover - depends on the caller's venv
    fail_setup(f"{e}; install tests/shacl/requirements.txt in a venv first")


def reference_dir():
    here = Path(__file__).resolve().parent
    candidates = [Path(os.environ["DXER_CPSV_REF"])] if os.environ.get("DXER_CPSV_REF") else []
    candidates.append(here.parent / "vendor" / "cpsv-ap-3.2.0")
    for c in candidates:
        if (c / "cpsv-ap-SHACL.ttl").is_file():
            return c
    fail_setup("official CPSV-AP 3.2.0 files not found in " + ", ".join(str(c) for c in candidates))


def local_context(ref):
    return json.loads((ref / "cpsv-ap.jsonld").read_text(encoding="utf-8"))["@context"]


def with_local_context(doc, context, where):
    """Replaces the official context URL (anywhere a @context is) by the local context document."""

    def swap(ctx):
        if isinstance(ctx, str):
            if ctx == CONTEXT_URL:
                return context
            raise ValueError(f"{where}: remote context {ctx} cannot be loaded offline")
        if isinstance(ctx, list):
            return [swap(c) for c in ctx]
        return ctx

    def walk(node):
        if isinstance(node, dict):
            return {k: (swap(v) if k == "@context" else walk(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(doc)


def load_jsonld(path, context):
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    doc = with_local_context(doc, context, path)
    graph = rdflib.Graph().parse(data=json.dumps(doc), format="json-ld")
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


def short(graph, term):
    if term is None:
        return "-"
    if isinstance(term, rdflib.Literal):
        text = str(term)
        text = text if len(text) <= 60 else text[:57] + "..."
        suffix = f"@{term.language}" if term.language else (f"^^{graph.namespace_manager.normalizeUri(term.datatype)}" if term.datatype else "")
        return f'"{text}"{suffix}'
    try:
        return graph.namespace_manager.normalizeUri(term)
    except Exception:
        return str(term)


def violations(data, shapes, ontology=None):
    """Runs pySHACL; returns a list of readable violation lines (sh:Violation results only)."""
    kwargs = {"shacl_graph": shapes, "inference": "none"}
    if ontology is not None:
        kwargs.update(ont_graph=ontology, inference="rdfs")
    _, report, _ = pyshacl.validate(data, **kwargs)
    sh = rdflib.Namespace(SH)
    out = []
    for result in report.subjects(RDF.type, sh.ValidationResult):
        if report.value(result, sh.resultSeverity) != sh.Violation:
            continue
        component = short(report, report.value(result, sh.sourceConstraintComponent)).split(":")[-1].split("#")[-1]
        shape = str(report.value(result, sh.sourceShape) or "").split("#")[-1].split("/")[0]
        out.append(
            "{shape} {component}: focus {focus}, path {path}, value {value} — {message}".format(
                shape=shape,
                component=component,
                focus=short(data, report.value(result, sh.focusNode)),
                path=short(data, report.value(result, sh.resultPath)),
                value=short(data, report.value(result, sh.value)),
                message=report.value(result, sh.resultMessage),
            )
        )
    return sorted(out)


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print("usage: python3 tests/shacl/check.py OUTDIR [OUTDIR...]", file=sys.stderr)
        return 2
    ref = reference_dir()
    context = local_context(ref)
    shapes = rdflib.Graph().parse(ref / "cpsv-ap-SHACL.ttl", format="turtle")
    vocabulary = rdflib.Graph().parse(ref / "cpsv-ap.ttl", format="turtle")
    failed = False

    example = ref / "example-rdf_public_service.jsonld"
    found = violations(load_jsonld(example, context), shapes)
    print(f"official example {example.name}: {len(found)} violation(s), {EXPECTED_EXAMPLE_VIOLATIONS} expected")
    for line in found:
        print(f"  expected: {line}")
    if len(found) != EXPECTED_EXAMPLE_VIOLATIONS:
        print(f"FAIL: the official example should give exactly {EXPECTED_EXAMPLE_VIOLATIONS} violations")
        failed = True

    files = []
    for out_dir in map(Path, argv[1:]):
        found_here = sorted(out_dir.glob("*.jsonld"))
        if not found_here:
            print(f"FAIL: no *.jsonld in {out_dir}")
            failed = True
        files += found_here
    cpsv_service = rdflib.URIRef("http://purl.org/vocab/cpsv#PublicService")
    for path in files:
        try:
            data = load_jsonld(path, context)
        except Exception as e:  # a broken export is a failure, not a crash
            print(f"{path}: FAIL: cannot be read as JSON-LD: {e}")
            failed = True
            continue
        services = list(data.subjects(RDF.type, cpsv_service))
        problems = [] if len(services) == 1 else [f"expected 1 cpsv:PublicService, found {len(services)}"]
        plain = violations(data, shapes)
        inferred = violations(data, shapes, vocabulary)
        problems += [f"{v}" for v in plain] + [f"(with RDFS inference) {v}" for v in inferred]
        if problems:
            failed = True
            print(f"{path}: FAIL: {len(problems)} problem(s) in {len(data)} triples")
            for p in problems:
                print(f"  {p}")
        else:
            print(f"{path}: conforms ({len(data)} triples, 0 violations, also with RDFS inference)")
    print("SHACL check failed" if failed else f"SHACL check passed: {len(files)} export(s) conform")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

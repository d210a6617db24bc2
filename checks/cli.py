"""The command line: click commands, exit codes. The only module that imports click.

Heavy libraries (pandas, pint, sympy) are imported inside the commands, so
``numcheck --help`` starts fast.
"""

from __future__ import annotations

import os
import re
import sys
import traceback
from typing import Any

import click

from claims.cache import DEFAULT_CACHE_DIR
from claims.errors import NumcheckError, UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
CHECK_FORMATS = ("text", "markdown", "json", "sarif", "junit", "github")
EXTRACT_FORMATS = ("table", "csv", "json", "jsonl", "parquet")
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_PATHS = ("seeds/",)


def _rules_option(function: Any) -> Any:
    return click.option(
        "--rules",
        "rules_path",
        metavar="FILE",
        help="Rule file (default: ./rules.yaml, else the rule file shipped with numcheck).",
    )(function)


def _encoding_callback(
    _context: click.Context, _param: click.Parameter, value: str | None
) -> str | None:
    if value is None:
        return None
    from claims.articles import check_encoding

    try:
        return check_encoding(value)
    except LookupError:
        raise UsageError(
            f"--encoding: unknown text encoding {value!r} (try utf-8, latin-1, cp1252, utf-16)"
        ) from None


def _encoding_option(function: Any) -> Any:
    return click.option(
        "--encoding",
        metavar="CODEC",
        callback=_encoding_callback,
        help="Decode articles with this codec (default: UTF-8, with or without BOM).",
    )(function)


def _output_option(function: Any) -> Any:
    return click.option(
        "--output", "-o", metavar="FILE", help="Write the report to FILE instead of stdout."
    )(function)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="numcheck", prog_name="numcheck")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
def cli(debug: bool) -> None:
    """numcheck: find the numbers in the news that cannot all be true.

    Extracts every numeric claim from articles into a table and runs YAML rules
    over it: cross-source contradictions, arithmetic, totals that never shrink.

    \b
    Exit codes: 0 no findings at or above --fail-on; 1 findings; 2 usage,
    configuration or input error; 3 internal error (a bug: please report it).
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@_rules_option
@click.option(
    "--format", "fmt", type=click.Choice(CHECK_FORMATS), default="text", show_default=True
)
@_output_option
@_encoding_option
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="error",
    show_default=True,
    help="Exit 1 when a finding has this severity or a higher one.",
)
@click.option(
    "--color/--no-color", default=None, help="Colour the text report (default: on a tty)."
)
@click.option(
    "--baseline",
    metavar="FILE",
    help="Ignore findings accepted in this baseline file (YAML; each entry has a reason).",
)
@click.option(
    "--update-baseline", is_flag=True, help="Write every current finding into --baseline FILE."
)
@click.option(
    "--changed-since",
    metavar="REV",
    help="Report only findings involving articles changed since this git revision.",
)
@click.option(
    "--only",
    multiple=True,
    metavar="PATH",
    help="Report only findings involving this article (or folder); repeatable.",
)
@click.option(
    "--cache-dir",
    default=DEFAULT_CACHE_DIR,
    show_default=True,
    metavar="DIR",
    help="Where extracted claims are cached (safe to delete).",
)
@click.option("--no-cache", is_flag=True, help="Extract every article afresh.")
def check(
    paths: tuple[str, ...],
    rules_path: str | None,
    fmt: str,
    output: str | None,
    fail_on: str,
    color: bool | None,
    baseline: str | None,
    update_baseline: bool,
    changed_since: str | None,
    only: tuple[str, ...],
    cache_dir: str,
    no_cache: bool,
    encoding: str | None,
) -> int:
    """Check articles (files or folders; default seeds/) against the rules.

    Every rule runs over all PATHS; --only and --changed-since narrow the report,
    not the comparison, so a new article is still checked against the others.
    """
    from checks.reporting import CheckOptions, report_check

    if update_baseline and not baseline:
        raise UsageError("--update-baseline needs --baseline FILE")
    return report_check(
        CheckOptions(
            paths=paths or DEFAULT_PATHS,
            rules_path=rules_path,
            fmt=fmt,
            output=output,
            fail_on=fail_on,
            color=color,
            baseline=baseline,
            update_baseline=update_baseline,
            changed_since=changed_since,
            only=only,
            cache_dir=None if no_cache else cache_dir,
            encoding=encoding,
        )
    )


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@_rules_option
@click.option(
    "--format", "fmt", type=click.Choice(EXTRACT_FORMATS), default="table", show_default=True
)
@_output_option
@_encoding_option
def extract(
    paths: tuple[str, ...],
    rules_path: str | None,
    fmt: str,
    output: str | None,
    encoding: str | None,
) -> int:
    """Extract the claims table of articles (default seeds/)."""
    from checks.reporting import report_extract

    return report_extract(paths or DEFAULT_PATHS, rules_path, fmt, output, encoding)


@cli.group()
def rules() -> None:
    """Validate and test rule files."""


@rules.command("validate")
@click.argument("file", required=False, type=click.Path())
def rules_validate(file: str | None) -> int:
    """Load a rule file (default ./rules.yaml) and report the first problem, if any."""
    from checks.explain import summarise
    from checks.rules.load import default_rule_path, load_rule_file

    rule_file = load_rule_file(file or default_rule_path())
    click.echo(summarise(rule_file))
    return EXIT_OK


@rules.command("test")
@click.argument("directory", required=False, type=click.Path())
@_rules_option
def rules_test(directory: str | None, rules_path: str | None) -> int:
    """Run rule fixtures (articles with expected findings); exit 1 on any mismatch."""
    from checks.reporting import report_rule_tests

    return report_rule_tests(directory, rules_path)


@cli.command()
@click.argument("rule_id")
@_rules_option
def explain(rule_id: str, rules_path: str | None) -> int:
    """Explain a rule: what it checks, its expression and units, an example."""
    from checks.explain import explain as explain_rule
    from checks.rules.load import default_rule_path, load_rule_file

    click.echo(explain_rule(rule_id, load_rule_file(rules_path or default_rule_path())))
    return EXIT_OK


def _lift_debug(args: list[str]) -> tuple[list[str], bool]:
    """``--debug`` given anywhere before ``--`` moves to the front, where the group reads it.

    Users add it to a failing command line wherever they like (``numcheck check --debug``).
    """
    cut = args.index("--") if "--" in args else len(args)
    head = [arg for arg in args[:cut] if arg != "--debug"]
    if len(head) == cut:
        return args, False
    return ["--debug", *head, *args[cut:]], True


def _one_line(text: str) -> str:
    """Messages from libraries (pint, YAML) may span lines; a report line must not."""
    return re.sub(r"\s*\n\s*", " ", text.strip())


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the command, map errors to one line and an exit code."""
    args, debug = _lift_debug(list(sys.argv[1:] if argv is None else argv))
    debug = debug or bool(os.environ.get("NUMCHECK_DEBUG"))
    try:
        code = cli.main(args=args, prog_name="numcheck", standalone_mode=False)
    except click.exceptions.Exit as stop:
        code = stop.exit_code
    except click.ClickException as error:
        context = getattr(error, "ctx", None)
        hint = f" (see '{context.command_path} --help')" if context is not None else ""
        click.echo(f"numcheck: {_one_line(error.format_message())}{hint}", err=True)
        code = EXIT_ERROR
    except click.exceptions.Abort:
        click.echo("numcheck: aborted", err=True)
        code = EXIT_ERROR
    except NumcheckError as error:
        if debug:
            traceback.print_exc()
        click.echo(f"numcheck: {_one_line(str(error))}", err=True)
        code = EXIT_ERROR
    except BrokenPipeError:
        code = EXIT_OK
    except Exception as error:
        if debug:
            traceback.print_exc()
        click.echo(
            f"numcheck: internal error ({type(error).__name__}: {_one_line(str(error))}). "
            "This is a bug in numcheck; please report it with the command you ran "
            "(--debug shows the traceback).",
            err=True,
        )
        code = EXIT_INTERNAL
    sys.exit(code if isinstance(code, int) else EXIT_OK)


__all__ = ["UsageError", "cli", "main"]

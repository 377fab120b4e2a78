"""The boundary of the extension module: every error of a call is a :class:`dxer.DxerError`.

The Rust side raises dxer's own exceptions; this module catches what happens before its code runs, when
the arguments are bound to the function's parameters (an unknown keyword, a ``str`` where an ``int`` is
wanted, a negative count): those are ``TypeError``, ``ValueError`` or ``OverflowError`` raised by PyO3,
and are raised again as :class:`ArgumentError`, :class:`ArgumentValueError` or
:class:`ArgumentRangeError` (subclasses of both ``DxerError`` and the builtin, so ``except TypeError``
keeps working). Each public function and method of ``dxer._dxer`` is wrapped once, at import; the
constructors are not (see ``_wrap_class``), and of the other dunder methods only ``__call__`` is.
"""

from __future__ import annotations

import functools
import types
from typing import Any, Callable, TypeVar

from dxer._errors import ArgumentError, ArgumentRangeError, ArgumentValueError, DxerError

_F = TypeVar("_F", bound=Callable[..., Any])


def _translated(error: Exception) -> Exception | None:
    if isinstance(error, DxerError):
        return None
    if isinstance(error, OverflowError):
        return ArgumentRangeError(str(error))
    if isinstance(error, TypeError):
        return ArgumentError(str(error))
    if isinstance(error, ValueError):
        return ArgumentValueError(str(error))
    return None


def dxer_errors(func: _F) -> _F:
    """``func`` raising :class:`DxerError` subclasses in place of bare argument errors."""

    @functools.wraps(func)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (TypeError, ValueError, OverflowError) as error:
            translated = _translated(error)
            if translated is None:
                raise
            raise translated from None

    return call  # type: ignore[return-value]


def _wrap_class(cls: type) -> None:
    for name, member in list(vars(cls).items()):
        # Dunder methods, ``__new__`` included, are left as they are: a type's own ``__new__`` cannot be
        # called through a replacement (CPython refuses it as unsafe), so constructors keep PyO3's errors.
        if name == "__call__" and isinstance(member, types.WrapperDescriptorType):
            setattr(cls, name, dxer_errors(member))
        elif name.startswith("__"):
            continue
        elif isinstance(member, staticmethod):
            setattr(cls, name, staticmethod(dxer_errors(member.__func__)))
        elif isinstance(member, classmethod):
            setattr(cls, name, classmethod(dxer_errors(member.__func__)))
        elif isinstance(member, types.MethodDescriptorType):
            setattr(cls, name, dxer_errors(member))


def install(module: types.ModuleType) -> None:
    """Wraps every public function and every method of every class of ``module`` (once)."""
    if getattr(module, "_dxer_errors_installed", False):
        return
    for name, member in list(vars(module).items()):
        if name.startswith("_"):
            continue
        if isinstance(member, types.BuiltinFunctionType):
            setattr(module, name, dxer_errors(member))
        elif isinstance(member, type):
            _wrap_class(member)
    module._dxer_errors_installed = True  # type: ignore[attr-defined]

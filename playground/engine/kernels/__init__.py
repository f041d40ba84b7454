"""@njit kernels: the only place the engine does arithmetic in loops.

Compiler flags live here, in one place. Kernels are private functions over contiguous float32
arrays that write into preallocated outputs; the layer objects validate and call them.
Parallel kernels are only ever called from Python (never from another cached @njit function:
a cache written that way crashed a later process here). The conv and dense kernels run inside
small parallel launchers that call them through their addresses (`kernel_address`, `jit_fn`).
"""

from __future__ import annotations

import functools
import platform
from typing import Any

import numba
from llvmlite import ir
from numba import types
from numba.core import cgutils
from numba.extending import intrinsic

# Two Python threads (the training worker and the draw pad) may call parallel kernels at once;
# the default workqueue layer aborts the process on concurrent use. Must be set before the
# first parallel call.
numba.config.THREADING_LAYER = "threadsafe"

#: fastmath without the no-NaN / no-inf assumptions: divergence must still show up as NaN/inf.
FASTMATH = {"nsz", "arcp", "contract", "afn", "reassoc"}
#: Division by zero gives inf/NaN as in NumPy instead of raising: Python's model checks every
#: divisor, and the check kept LLVM from vectorising any loop that divides (the sigmoid's
#: 1 / (1 + e^-z) over 2,880 values: 3.6 us against 0.9, measured). Divisors are checked
#: before the kernels run (the spec's shapes and groups), and a float one is never zero.
ERRORS = "numpy"
#: Serial kernel: cached on disk, releases the GIL, float reassociation allowed.
jit = functools.partial(numba.njit, cache=True, nogil=True, fastmath=FASTMATH, error_model=ERRORS)
#: Parallel kernel (prange), same flags.
pjit = functools.partial(
    numba.njit, cache=True, nogil=True, fastmath=FASTMATH, error_model=ERRORS, parallel=True
)


# --- subnormal floats -------------------------------------------------------------------------
# A saturated network (sigmoids at a large learning rate, a lesson the labs invite) makes deltas
# below float32's smallest normal, 1.2e-38; every multiply on one then takes a slow microcode
# path on x86. nielsen-conv after 100 steps at eta 1000: 2.46 ms a step at one thread, 1.13 with
# flush-to-zero and denormals-are-zero set (MXCSR bits 15 and 6), as PyTorch's
# set_flush_denormal does; no change at the presets' own rates. The launchers set the bits on
# each thread for the kernels' run and put the caller's back after.
_X86 = platform.machine().lower() in ("x86_64", "amd64", "i386", "i686", "x86")
_FTZ_DAZ = 0x8040


def _mxcsr_call(builder: Any, name: str, slot: Any) -> None:
    i8p = ir.IntType(8).as_pointer()
    fnty = ir.FunctionType(ir.VoidType(), [i8p])
    fn = builder.module.declare_intrinsic(name, fnty=fnty)
    builder.call(fn, [builder.bitcast(slot, i8p)])


@intrinsic
def flush_denormals(typingctx):
    """Treat subnormal floats as zero on this thread (x86 FTZ and DAZ); returns the previous
    floating-point control word for `restore_fp` (a no-op returning 0 elsewhere)."""

    def codegen(context, builder, signature, args):
        i32 = ir.IntType(32)
        if not _X86:
            return ir.Constant(i32, 0)
        slot = cgutils.alloca_once(builder, i32)
        _mxcsr_call(builder, "llvm.x86.sse.stmxcsr", slot)
        old = builder.load(slot)
        builder.store(builder.or_(old, ir.Constant(i32, _FTZ_DAZ)), slot)
        _mxcsr_call(builder, "llvm.x86.sse.ldmxcsr", slot)
        return old

    return types.int32(), codegen


@intrinsic
def restore_fp(typingctx, word):
    """Put back the control word `flush_denormals` returned (a no-op off x86)."""

    def codegen(context, builder, signature, args):
        if _X86:
            slot = cgutils.alloca_once(builder, ir.IntType(32))
            builder.store(args[0], slot)
            _mxcsr_call(builder, "llvm.x86.sse.ldmxcsr", slot)
        return context.get_dummy_value()

    return types.none(word), codegen


# --- calling a serial kernel from a parallel launcher through its address ---------------------
# A parallel function that calls a kernel links the kernel's whole tree in and has LLVM
# optimise it again twice, for the loop's body and for the function itself: that was most of
# the first compile (the conv forward entry 18-20 s of CPU, 9-13 s now; the backward 17-22 s,
# now 15-17). A launcher that calls the kernel through its address compiles in 1-2 s and the
# kernel once. The catch: nothing checks that the address is the kernel compiled for the types the
# launcher calls it with. kernel_address compiles it for the Python values' own types, so each
# launcher passes its arguments through unchanged, and the values it makes itself (ranges,
# per-thread buffers) have the types of the samples its Python wrapper hands kernel_address.


@intrinsic
def jit_fn(typingctx, addr, proto):
    """The kernel at `addr` (see `kernel_address`) as a first-class function of the arguments
    `proto` (a tuple of values of the call's types), called with Numba's own convention."""
    fnty = types.FunctionType(types.void(*proto.types))

    def codegen(context, builder, signature, args):
        st = cgutils.create_struct_proxy(fnty)(context, builder)
        null = context.get_constant_null(types.voidptr)
        st.c_addr = null
        st.py_addr = null
        st.jit_addr = builder.inttoptr(args[0], context.get_value_type(types.voidptr))
        return st._getvalue()

    return fnty(addr, proto), codegen


_ADDRESSES: dict = {}


try:  # Numba's own dispatch key: a type's bytes, 0.2 us an argument (numba.typeof: ~10 us)
    from numba._dispatcher import compute_fingerprint as _fingerprint
except ImportError:  # pragma: no cover - another Numba layout: slower, as exact
    _fingerprint = numba.typeof


def kernel_address(kernel: Any, args: tuple) -> int:
    """Address of `kernel` (a serial @jit function) compiled for exactly the types of `args`
    (compiled or loaded from the disk cache on first use), for a launcher's `jit_fn`. Two
    threads asking at once both get it: Numba's lock compiles it once."""
    key = (kernel, *map(_fingerprint, args))
    addr = _ADDRESSES.get(key)
    if addr is None:
        sig = tuple(numba.typeof(a) for a in args)
        kernel.compile(sig)
        cres = kernel.overloads[sig]
        addr = cres.library.get_pointer_to_function(cres.fndesc.llvm_func_name)
        _ADDRESSES[key] = addr
    return addr


def kept_address(kept: dict | None, key: str, kernel: Any, args: tuple) -> int:
    """kernel_address(kernel, args), through `kept` when the caller keeps one: a dict it
    passes on every call because its argument types never change (a plan's stage), so the
    lookup by type fingerprints, 3-5 us a kernel, happens once. (The dense entries keep their
    kernels' addresses in it as one tuple: one dict lookup a call.)"""
    if kept is None:
        return kernel_address(kernel, args)
    addr = kept.get(key)
    if addr is None:
        addr = kept[key] = kernel_address(kernel, args)
    return addr

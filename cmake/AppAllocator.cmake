# The GUI process's allocator: mimalloc, linked ahead of libc (issue 16, "the GUI thread never waits").
#
# Why: glibc frees a block under the lock of the arena it came from, whichever thread frees it, so a
# reniced worker freeing a block the GUI thread allocated (Qt's internals, closures, settings data) takes
# the GUI thread's arena lock, and the GUI thread waited for it in its own malloc (131 ms blocked in realloc,
# BENCHMARKS.md). mimalloc frees another thread's block with an atomic push onto that block's page (no lock).
#
# How: a dynamic override. The executable lists libmimalloc.so among its own libraries, before libc and
# libstdc++ (which the compiler driver appends last), so malloc, free, realloc, posix_memalign and
# operator new/delete of every library in the process (Qt, libtorch, FFmpeg) resolve to mimalloc's.
# tests/ui/tst_ui_app_allocator checks that at run time; ui/AppAllocator.h tells the process which allocator
# it has. Debian 12: libmimalloc-dev (2.0.9; its CMake config names the shared library `mimalloc`).
find_package(mimalloc 2.0 CONFIG)
if(NOT mimalloc_FOUND)
  message(FATAL_ERROR "the GUI links mimalloc as its allocator (a free from another thread takes no lock): "
                      "install libmimalloc-dev (packaging/dev.sh deps)")
endif()

# Makes `target` (an executable) use the app's allocator. Call it for the GUI app and for whatever measures
# or tests the app as shipped (bench_gui_stall, tst_ui_app_allocator).
function(stemcrate_use_app_allocator target)
  get_target_property(type ${target} TYPE)
  if(NOT type STREQUAL "EXECUTABLE")
    message(FATAL_ERROR
      "stemcrate_use_app_allocator(${target}): only an executable chooses the process's allocator")
  endif()
  # Shared, not static: the override must reach the shared libraries' calls too, not only this binary's.
  target_link_libraries(${target} PRIVATE mimalloc)
endfunction()

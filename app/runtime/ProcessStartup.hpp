#pragma once

namespace taskloom::app {

/// Called first thing in every main(). Re-executes the program once with the environment that libraries
/// read when they load, before any of them does: OMP_THREAD_LIMIT=1 (Tesseract is about 7x slower on two
/// cores without it) and, as root, QtWebEngine's --no-sandbox. Returns normally when nothing had to change.
void prepareProcessEnvironment(int argc, char** argv);

/// For runs started by the daemon: die with the parent (PR_SET_PDEATHSIG) so no run outlives its scheduler.
/// Does nothing unless TASKLOOM_DIE_WITH_PARENT=1 is set. With TASKLOOM_PARENT_PID set too, exits at once when
/// that parent is already gone (it died before the death signal was armed).
void dieWithParentIfAsked();

} // namespace taskloom::app

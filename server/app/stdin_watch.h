#pragma once

namespace mccig::server {

// --stop-with-stdin: a thread of its own ("mccig-stdin") reads standard input
// to its end, then stops the server as Ctrl-C would. A parent that keeps a
// pipe to our stdin (the console's local gateway) thereby stops us however it
// ends, a crash or SIGKILL included: the system closes its end of the pipe.
// The thread is detached: it may still be blocked reading when the server
// stops for another reason, and the process's exit ends it.
void stopWhenStdinCloses();

} // namespace mccig::server

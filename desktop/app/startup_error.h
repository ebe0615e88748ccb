#pragma once

#include <QString>

namespace mccig::console {

// Reports an error that stops the console from starting: always on stderr,
// and in a message box when nobody would read stderr (a Windows GUI program
// has none; a console started from a desktop menu has no terminal). Never a
// box on the offscreen or minimal platforms, so scripts never block.
// Needs a QApplication.
void showStartupError(const QString& message);

} // namespace mccig::console

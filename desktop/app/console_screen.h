#pragma once

#include <QWidget>

namespace mccig::console {

class ConsoleSession;

// A screen of the main window. The window hands every screen the open
// session (nullptr when disconnected); a screen must drop any pending work
// of the previous session when it changes.
class ConsoleScreen : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    ~ConsoleScreen() override = default;

    virtual void setSession(ConsoleSession* session) = 0;
    // F5: re-read whatever the screen shows.
    virtual void refresh() {}
};

} // namespace mccig::console

#pragma once

#include "connection/connection_profile.h"

#include <QDialog>
#include <QDir>
#include <QObject>
#include <QPointer>
#include <QSize>

#include <functional>

namespace mccig::console {

class MainWindow;

// Drives a connected MainWindow through every screen, giving each real work
// to show (live data, a send, a verification, a burst, the DLQ), then through
// the situations a support engineer meets: no connection, new failures
// arriving while the DLQ list is loaded, and a wrong admin key; last the
// Connections dialog. Saves
// QWidget::grab() of each as DIR/<W>x<H>/NN-name.png, once per window size.
// Emits finished() with the number of screenshots written. Works on the
// offscreen platform.
class ScreenshotTour final : public QObject {
    Q_OBJECT
public:
    ScreenshotTour(MainWindow* window, const QString& directory, QObject* parent = nullptr);

    void start();
    int expectedCount() const;

    // Runs a tour of `window` to its end; returns the exit code (0 when every
    // screenshot was written).
    static int run(MainWindow& window, const QString& directory);

    static constexpr int kStepTimeoutMs = 45000;
    static constexpr QSize kSizes[] = {{1440, 900}, {1024, 700}};

signals:
    void finished(int written);

private:
    using Done = std::function<void()>;
    struct Shot {
        QString name;
        std::function<void(Done)> prepare; // shows the screen, then calls done
        // What to grab instead of the window (a dialog), closed after the grab.
        std::function<QWidget*()> subject = {};
    };

    void addScreenShots();
    void addSituationShots();
    void runShot(int size, int index);
    void grab(QWidget* subject, int size, const QString& name);
    void withAdminKey(const QString& adminKey, Done done);
    void sendFailures(int count, Done done);

    QPointer<MainWindow> m_window;
    QPointer<QDialog> m_dialog;
    QDir m_directory;
    QList<Shot> m_shots;
    ConnectionProfile m_original; // the profile the tour was started with
    int m_written = 0;
};

} // namespace mccig::console

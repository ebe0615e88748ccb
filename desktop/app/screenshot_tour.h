#pragma once

#include <QDir>
#include <QObject>
#include <QPointer>

#include <functional>

namespace mccig::console {

class MainWindow;

// Drives a connected MainWindow through the six screens, giving each real
// work to show (live data, a send, a verification, a burst, the DLQ), and
// saves QWidget::grab() of each as DIR/NN-name.png. Emits finished() with
// the number of screenshots written. Works on the offscreen platform.
class ScreenshotTour final : public QObject {
    Q_OBJECT
public:
    ScreenshotTour(MainWindow* window, const QString& directory, QObject* parent = nullptr);

    void start();

    static constexpr int kStepTimeoutMs = 45000;

signals:
    void finished(int written);

private:
    using Step = std::function<void(std::function<void()> done)>;

    void runStep(int index);
    void grab(int index);

    QPointer<MainWindow> m_window;
    QDir m_directory;
    QList<Step> m_steps;
    QStringList m_names;
    int m_written = 0;
};

} // namespace mccig::console

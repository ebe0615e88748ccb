#pragma once

#include <QAction>

namespace mccig::console {

class LocalGateway;

// File → Start/Stop/Restart Local Gateway, its text and tooltip following the
// gateway's state (disabled while it stops). What a trigger does is the
// window's: it owns the profile the gateway serves. GUI thread only.
class LocalGatewayAction final : public QAction {
    Q_OBJECT
public:
    explicit LocalGatewayAction(LocalGateway* gateway, QObject* parent = nullptr);

private:
    void showState();

    LocalGateway* m_gateway;
};

} // namespace mccig::console

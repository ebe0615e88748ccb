#pragma once

#include <QLabel>

namespace mccig::console {

class LocalGateway;

// The status bar's line about the local gateway: hidden while it is stopped,
// else starting, running on its address, or failed (red, with the reason and
// the server's last log lines in the tooltip). GUI thread only.
class LocalGatewayStatus final : public QLabel {
    Q_OBJECT
public:
    explicit LocalGatewayStatus(LocalGateway* gateway, QWidget* parent = nullptr);

private:
    void showState();

    LocalGateway* m_gateway;
};

} // namespace mccig::console

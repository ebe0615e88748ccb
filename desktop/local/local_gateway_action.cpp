#include "local/local_gateway_action.h"

#include "local/local_gateway.h"

namespace mccig::console {

LocalGatewayAction::LocalGatewayAction(LocalGateway* gateway, QObject* parent) : QAction(parent), m_gateway(gateway)
{
    setObjectName(QStringLiteral("localGatewayAction"));
    connect(gateway, &LocalGateway::stateChanged, this, &LocalGatewayAction::showState);
    showState();
}

void LocalGatewayAction::showState()
{
    using State = LocalGateway::State;
    const State state = m_gateway->state();
    setEnabled(state != State::Stopping);
    if (m_gateway->isActive()) {
        setText(tr("Stop &Local Gateway"));
        setToolTip(tr("Stop the mccig-server this console runs on this computer"));
        return;
    }
    setText(state == State::Failed ? tr("Restart &Local Gateway") : tr("Start &Local Gateway"));
    setToolTip(tr("Run mccig-server on this computer, on its embedded backend (no other software needed), "
                  "and connect to it"));
}

} // namespace mccig::console

#include "local/local_gateway_status.h"

#include "local/local_gateway.h"

#include <QDir>

namespace mccig::console {

LocalGatewayStatus::LocalGatewayStatus(LocalGateway* gateway, QWidget* parent) : QLabel(parent), m_gateway(gateway)
{
    setObjectName(QStringLiteral("localGatewayStatus"));
    setAccessibleName(tr("Local gateway"));
    connect(gateway, &LocalGateway::stateChanged, this, &LocalGatewayStatus::showState);
    showState();
}

void LocalGatewayStatus::showState()
{
    using State = LocalGateway::State;
    const State state = m_gateway->state();
    setVisible(state != State::Stopped);
    setStyleSheet(state == State::Failed ? QStringLiteral("color: #c62828") : QString());
    switch (state) {
    case State::Stopped:
        setText(QString());
        setToolTip(QString());
        return;
    case State::Starting:
        setText(tr("Local gateway: starting…"));
        setToolTip(QString());
        return;
    case State::Running:
        setText(tr("Local gateway: running on %1").arg(m_gateway->url().authority()));
        setToolTip(tr("mccig-server on the embedded backend, data in %1").arg(QDir::toNativeSeparators(m_gateway->dataDir())));
        return;
    case State::Stopping:
        setText(tr("Local gateway: stopping…"));
        return;
    case State::Failed:
        setText(tr("Local gateway: stopped"));
        setToolTip(QStringList{m_gateway->failure(), m_gateway->lastLogLines().join(QLatin1Char('\n'))}
                       .join(QLatin1String("\n\n")));
        return;
    }
}

} // namespace mccig::console

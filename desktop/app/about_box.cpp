#include "app/about_box.h"

#include "app/console_session.h"
#include "backend/console_backend.h"
#include "backend/pending_call.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QVBoxLayout>

namespace mccig::console {

AboutBox::AboutBox(ConsoleSession* session, QWidget* parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("About MCC-IG Console"));
    m_text = new QLabel(this);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setOpenExternalLinks(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    if (session == nullptr) {
        m_serverLine = tr("not connected");
    } else {
        m_serverLine = tr("asking %1…").arg(session->backend()->baseUrl().toDisplayString().toHtmlEscaped());
        ApiRequest health;
        health.path = QStringLiteral("/healthz");
        connect(session->backend()->send(health), &PendingCall::finished, this, &AboutBox::onHealth);
    }
    render();
}

QString AboutBox::text() const { return m_text->text(); }

QString AboutBox::serverVersionFrom(const ApiResponse& response)
{
    if (response.status != 200)
        return {};
    return QJsonDocument::fromJson(response.body).object().value(QLatin1String("version")).toString();
}

void AboutBox::onHealth(const ApiResponse& response)
{
    const QString url = m_session != nullptr ? m_session->backend()->baseUrl().toDisplayString().toHtmlEscaped()
                                             : QString();
    const QString version = serverVersionFrom(response).toHtmlEscaped();
    if (!version.isEmpty())
        m_serverLine = tr("mccig-server %1 at %2").arg(version, url);
    else if (response.status == 200)
        m_serverLine = tr("a server at %1 that does not report its version").arg(url);
    else if (response.status == 0)
        m_serverLine = tr("%1 did not answer (%2)").arg(url, response.transportError.toHtmlEscaped());
    else
        m_serverLine = tr("%1 answered HTTP %2").arg(url).arg(response.status);
    render();
    emit serverLineChanged();
}

void AboutBox::render()
{
    const QString runtimeQt = QString::fromLatin1(qVersion());
    const QString builtQt = QStringLiteral(QT_VERSION_STR);
    const QString qtLine = runtimeQt == builtQt ? runtimeQt : tr("%1 (built with %2)").arg(runtimeQt, builtQt);
    m_text->setText(
        tr("<h3>MCC-IG Console %1</h3>"
           "<p>Operations console for the multi-channel communication ingestion gateway.</p>"
           "<p>Qt: %2<br>Server: %3</p>"
           "<p>Licensed under the <a href=\"https://www.apache.org/licenses/LICENSE-2.0\">Apache License, "
           "Version 2.0</a>.</p>")
            .arg(QApplication::applicationVersion().toHtmlEscaped(), qtLine, m_serverLine));
}

} // namespace mccig::console

#include "apidocs/api_docs_screen.h"

#include "app/console_session.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mccig::console {

ApiDocsScreen::ApiDocsScreen(QWidget* parent)
    : ConsoleScreen(parent), m_document(loadApiDocument(QLatin1String(kDocumentPath)))
{
    m_index = new QListWidget(this);
    m_browser = new QTextBrowser(this);
    m_browser->setOpenLinks(false);
    m_copied = new QLabel(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_index);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({220, 1000});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_copied);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("copy"))
            copyCurl(url.path().toInt());
    });
    connect(m_index, &QListWidget::currentRowChanged, this,
            [this](int row) { m_browser->scrollToAnchor(QStringLiteral("e%1").arg(row)); });
    if (m_document) {
        for (const ApiEndpoint& endpoint : m_document->endpoints())
            m_index->addItem(endpoint.method + QLatin1Char(' ') + endpoint.path);
    }
    render();
}

void ApiDocsScreen::setSession(ConsoleSession* session)
{
    m_session = session;
    render();
}

CurlContext ApiDocsScreen::context() const
{
    CurlContext context;
    if (m_session != nullptr) {
        const ConnectionProfile& profile = m_session->profile();
        context.serverUrl = profile.serverUrl;
        context.adminKey = profile.adminKey;
        context.tenantKey = profile.tenantKeys.isEmpty() ? QString() : profile.tenantKeys.first().key;
    }
    return context;
}

void ApiDocsScreen::render()
{
    if (!m_document) {
        m_browser->setPlainText(tr("The API document cannot be read: %1").arg(m_document.error()));
        return;
    }
    m_browser->setHtml(renderApiHtml(*m_document, context()));
}

QString ApiDocsScreen::html() const { return m_browser->toHtml(); }

QStringList ApiDocsScreen::curlCommands() const
{
    return m_document ? mccig::console::curlCommands(*m_document, context()) : QStringList();
}

bool ApiDocsScreen::copyCurl(int index)
{
    const QStringList commands = curlCommands();
    if (index < 0 || index >= commands.size())
        return false;
    QApplication::clipboard()->setText(commands.at(index));
    m_copied->setText(tr("Copied the curl command for %1 to the clipboard").arg(m_index->item(index)->text()));
    return true;
}

} // namespace mccig::console

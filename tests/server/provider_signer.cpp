#include "provider_signer.h"

#include <QByteArray>
#include <QProcess>
#include <QtGlobal>

namespace mccig::test {

std::string signedByProvider(const nlohmann::json& request)
{
    QProcess node;
    node.start("node", {QStringLiteral(MCCIG_WEBHOOK_SIGNERS "/sign.mjs")});
    node.write(QByteArray::fromStdString(request.dump()));
    node.closeWriteChannel();
    if (!node.waitForFinished(30000) || node.exitCode() != 0)
        qFatal("the provider's signer failed: %s", node.readAllStandardError().constData());
    return node.readAllStandardOutput().toStdString();
}

} // namespace mccig::test

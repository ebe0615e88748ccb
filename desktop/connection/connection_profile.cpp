#include "connection/connection_profile.h"

#include <QStringList>

namespace mccig::console {

QString ConnectionProfile::keyForTenant(const QString& tenantId) const
{
    for (const TenantKey& entry : tenantKeys) {
        if (entry.tenantId == tenantId)
            return entry.key;
    }
    return {};
}

QList<TenantKey> parseTenantKeys(const QString& text)
{
    QList<TenantKey> keys;
    const QStringList entries = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& entry : entries) {
        const qsizetype colon = entry.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        TenantKey key{entry.left(colon).trimmed(), entry.mid(colon + 1).trimmed()};
        if (!key.tenantId.isEmpty() && !key.key.isEmpty())
            keys.append(key);
    }
    return keys;
}

QString formatTenantKeys(const QList<TenantKey>& keys)
{
    QStringList entries;
    for (const TenantKey& key : keys)
        entries.append(key.tenantId + QLatin1Char(':') + key.key);
    return entries.join(QLatin1Char(','));
}

} // namespace mccig::console

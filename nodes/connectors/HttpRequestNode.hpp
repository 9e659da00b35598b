#pragma once

#include "engine/NodeType.hpp"

#include <optional>

namespace taskloom::net {
struct HttpRequest;
}

namespace taskloom::nodes::connectors {

/// Sends one HTTP request per input item (or a series of them, following pagination) and emits the response:
/// JSON bodies as items, text under "body", anything else as a binary attachment. Non-2xx statuses fail the item
/// (429 and 5xx retryable, with the server's Retry-After) unless "Succeed on error status" is on.
class HttpRequestNode final : public engine::NodeType {
public:
    HttpRequestNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

private:
    struct Call; // the resolved settings of one item's request
    struct AuthCache;

    Call resolve(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index, AuthCache& auth) const;
    void addBody(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index, Call& call) const;
    void addAuth(engine::ExecutionContext& ctx, Call& call, AuthCache& auth) const;
    void runItem(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index, AuthCache& auth,
                 engine::Outputs& out) const;

    engine::Param<QString> m_method;
    engine::Param<QString> m_url;
    engine::Param<engine::Array> m_query;
    engine::Param<engine::Array> m_headers;
    engine::Param<QString> m_bodyType;
    engine::Param<engine::Value> m_jsonBody;
    engine::Param<engine::Array> m_formFields;
    engine::Param<QString> m_rawBody;
    engine::Param<QString> m_contentType;
    engine::Param<QString> m_bodyBinary;
    engine::Param<QString> m_auth;
    engine::Param<QString> m_basicCredential;
    engine::Param<QString> m_bearerCredential;
    engine::Param<QString> m_apiKeyCredential;
    engine::Param<QString> m_apiKeyName;
    engine::Param<QString> m_oauth2Credential;
    engine::Param<QString> m_oauth2UserCredential;
    engine::Param<QString> m_responseFormat;
    engine::Param<QString> m_output;
    engine::Param<QString> m_itemsPath;
    engine::Param<QString> m_binaryOutput;
    engine::Param<bool> m_succeedOnErrorStatus;
    engine::Param<QString> m_pagination;
    engine::Param<QString> m_nextField;
    engine::Param<QString> m_pageParam;
    engine::Param<qint64> m_firstPage;
    engine::Param<QString> m_cursorParam;
    engine::Param<QString> m_cursorField;
    engine::Param<qint64> m_maxPages;
    engine::Param<double> m_timeout;
    engine::Param<bool> m_followRedirects;
    engine::Param<qint64> m_maxRedirects;
    engine::Param<bool> m_ignoreTlsErrors;
    engine::Param<QString> m_caFile;
};

} // namespace taskloom::nodes::connectors

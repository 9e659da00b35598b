#include "LuaNodeType.hpp"

#include "LuaCodeInstance.hpp"

namespace taskloom::scripts {

LuaNodeType::LuaNodeType(engine::NodeSpec spec, LuaScript script, QString path, bool bundled)
    : m_script(std::move(script)), m_path(std::move(path)), m_bundled(bundled)
{
    m_spec = std::move(spec);
}

std::unique_ptr<engine::NodeInstance> LuaNodeType::instantiate() const
{
    return std::make_unique<LuaCodeInstance>(*this, *this);
}

LuaScript LuaNodeType::script(engine::ExecutionContext&) const
{
    return m_script;
}

} // namespace taskloom::scripts

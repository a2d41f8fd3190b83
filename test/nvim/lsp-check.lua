-- Drives the stand-alone language server from Neovim (0.7+ API: start_client + buf_attach_client),
-- the way a Neovim user would configure it. Run headless:
--   DEAL_SERVER=dist/server.js DEAL_FILE=… nvim --headless --clean -c 'luafile test/nvim/lsp-check.lua'
-- Prints one `ok …` or `FAIL …` line per check, then exits 0 when all passed, 1 otherwise.
local server = assert(os.getenv('DEAL_SERVER'), 'DEAL_SERVER is not set')
local file = assert(os.getenv('DEAL_FILE'), 'DEAL_FILE is not set')
local failures = 0

local function report(ok, what, detail)
  if ok then
    io.stdout:write('ok ' .. what .. '\n')
  else
    failures = failures + 1
    io.stdout:write('FAIL ' .. what .. (detail and (': ' .. detail) or '') .. '\n')
  end
end

local function finish()
  io.stdout:flush()
  if failures > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'deal'

local client_id = vim.lsp.start_client({
  name = 'deal',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
report(client_id ~= nil, 'server started')
if not client_id then return finish() end
vim.lsp.buf_attach_client(bufnr, client_id)

local function text_position(pattern, offset)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    local col = line:find(pattern, 1, true)
    if col then return { line = i - 1, character = col - 1 + (offset or 0) } end
  end
  return nil
end

-- Diagnostics: the file has a misspelt party name.
local got = vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
local diagnostics = vim.diagnostic.get(bufnr)
report(got, 'diagnostics arrive', 'none within 10 s')
local unknown
for _, d in ipairs(diagnostics) do
  if d.code == 'unknown-reference' then unknown = d end
end
local misspelt = text_position('Biotes ', 0)
report(unknown ~= nil, 'unknown-reference diagnostic', vim.inspect(diagnostics))
if unknown and misspelt then
  report(unknown.lnum == misspelt.line and unknown.col == misspelt.character and unknown.end_col == misspelt.character + 6,
    'diagnostic range on the misspelt name', string.format('%d:%d-%d', unknown.lnum, unknown.col, unknown.end_col))
  report(unknown.message:find("Did you mean 'Biotest'", 1, true) ~= nil, 'diagnostic suggests the party', unknown.message)
  report(unknown.severity == vim.diagnostic.severity.ERROR, 'diagnostic is an error')
end

local function request(method, params)
  local responses = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  if not responses then return nil end
  for _, response in pairs(responses) do
    if response.result then return response.result end
  end
  return nil
end

-- Hover on the milestone group shows its cap.
local group = text_position('Development "', 1)
local hover = group and request('textDocument/hover', { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = group })
local hover_text = hover and (type(hover.contents) == 'table' and (hover.contents.value or vim.inspect(hover.contents)) or tostring(hover.contents)) or ''
report(hover_text:find('$35,500,000', 1, true) ~= nil, 'hover on the group shows $35,500,000', hover_text)

-- Hover on the deal name shows the headline.
local deal = text_position('ImmunoGenBiotest2006', 1)
hover = deal and request('textDocument/hover', { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = deal })
hover_text = hover and (hover.contents.value or '') or ''
report(hover_text:find('$36,500,000', 1, true) ~= nil, 'hover on the deal shows the headline $36,500,000', hover_text)

local client = vim.lsp.get_client_by_id(client_id)
local caps = client and client.server_capabilities or {}

-- Go to definition (once the server offers it): `Development` in `forfeit unearned Development`.
if caps.definitionProvider then
  local use = text_position('unearned Development', 10)
  local result = request('textDocument/definition', { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = use })
  local location = result and (result[1] or result)
  local declared = text_position('milestones Development', 11)
  local start = location and (location.range or location.targetSelectionRange or {}).start
  report(start ~= nil and declared ~= nil and start.line == declared.line and start.character == declared.character,
    'definition of a forfeited group is its declaration', vim.inspect(location))
end

-- Completion (once the server offers it): party names after `from`.
if caps.completionProvider then
  local at = text_position('payments from ', 14)
  local result = request('textDocument/completion', { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = at })
  local items = result and (result.items or result) or {}
  local labels = {}
  for _, item in ipairs(items) do labels[item.label] = true end
  report(labels['ImmunoGen'] and labels['Biotest'], 'completion after `from` offers the parties', vim.inspect(vim.tbl_keys(labels)))
end

vim.lsp.stop_client(client_id)
finish()

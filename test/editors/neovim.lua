-- Headless Neovim (0.7+) as an LSP client of productteam-language-server.
-- Run by test/editors/run.sh:
--   nvim --headless -u NONE -i NONE -c 'luafile test/editors/neovim.lua'
-- Env: PT_SERVER (the server's JS file, run with node --stdio), PT_FILE (a
-- copy of fixture.productteam.yaml to edit), PT_RESULTS (where "ok - ..." /
-- "not ok - ..." lines go). Neovim 0.7 has no vim.lsp.start, so this uses
-- start_client + buf_attach_client, which later versions still have.
local EDITOR = 'neovim'
local results = assert(os.getenv('PT_RESULTS'), 'PT_RESULTS not set')
local file = assert(os.getenv('PT_FILE'), 'PT_FILE not set')
local server = assert(os.getenv('PT_SERVER'), 'PT_SERVER not set')

local function report(ok, check, detail)
  local f = assert(io.open(results, 'a'))
  f:write(string.format('%s - %s: %s%s\n', ok and 'ok' or 'not ok', EDITOR, check,
    (not ok and detail) and (' # ' .. detail:gsub('\n', ' ')) or ''))
  f:close()
  return ok
end
local function log(s) io.stdout:write(s .. '\n') end
local function finish()
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
  vim.cmd('qall!')
end

-- The filetype detection docs/editors.md recommends, then the server started
-- for that filetype, as a user's config would.
vim.cmd('filetype on')
vim.cmd([[autocmd BufRead,BufNewFile *.productteam.yaml,*.productteam.yml,.productteam.yaml set filetype=yaml.productteam]])

local published -- the raw publishDiagnostics params carrying our diagnostics
local client_id = vim.lsp.start_client({
  name = 'productteam',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and #result.diagnostics > 0 then published = result end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
if not client_id then
  report(false, 'diagnostics arrive with our codes', 'vim.lsp.start_client failed')
  return finish()
end
vim.cmd([[autocmd FileType yaml.productteam lua vim.lsp.buf_attach_client(0, ]] .. client_id .. [[)]])

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
log('filetype: ' .. vim.bo.filetype)

-- (1) diagnostics
local got = vim.wait(20000, function() return published ~= nil end, 20)
local diag -- the single-owner diagnostic, as the server sent it
if got then
  for _, d in ipairs(published.diagnostics) do
    log(string.format('DIAG %d:%d %s %s %s', d.range.start.line + 1, d.range.start.character + 1,
      tostring(d.source), tostring(d.code), d.message))
    if d.code == 'single-owner' and d.source == 'productteam' then diag = d end
  end
end
-- Neovim's own diagnostic store must have it too (source and code intact).
local stored = false
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  if d.source == 'productteam' and (d.code == 'single-owner' or lsp.code == 'single-owner') then stored = true end
end
report(got and diag ~= nil and stored, 'diagnostics arrive with our codes',
  not got and 'no publishDiagnostics with diagnostics within 20s'
  or (diag == nil and 'no diagnostic with source productteam and code single-owner')
  or 'single-owner missing from vim.diagnostic.get()')

local uri = vim.uri_from_bufnr(bufnr)
local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)

-- (2) hover on the productManager key
local pm_line
for i, l in ipairs(lines) do if l:match('^%s*productManager:') then pm_line = i - 1; break end end
local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
  textDocument = { uri = uri },
  position = { line = pm_line or 0, character = (lines[(pm_line or 0) + 1]:find('p') or 1) },
}, 10000)
local hover = res and res[client_id] and res[client_id].result
local text = hover and vim.fn.json_encode(hover.contents) or ''
log('HOVER ' .. text:sub(1, 300))
-- Neovim's hover renderer turns the markup into these lines; check them too.
local rendered = hover and table.concat(vim.lsp.util.convert_input_to_markdown_lines(hover.contents), '\n') or ''
local quote = 'The outward-facing role is market-facing. Someone in this role speaks to the customers and users, investigates market opportunities and defines high level requirements for the product.'
report(rendered:find(quote, 1, true) ~= nil and rendered:find('— Stijn Schutyser', 1, true) ~= nil,
  'hover on a role key shows an expert quote',
  hover and 'hover lacks the Schutyser quote: ' .. rendered:sub(1, 200) or 'no hover result: ' .. vim.inspect(res))

-- (3) code action at the diagnostic, applied with Neovim's workspace-edit code
local check3 = "code action 'Assign single owner: alice' applies"
if not diag then
  report(false, check3, 'no single-owner diagnostic to ask about')
  return finish()
end
res = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
  textDocument = { uri = uri },
  range = diag.range,
  context = { diagnostics = { diag } },
}, 10000)
local actions = res and res[client_id] and res[client_id].result or {}
local action
for _, a in ipairs(actions) do
  log('ACTION ' .. a.title)
  if a.title == 'Assign single owner: alice' then action = a end
end
if not action or not action.edit then
  report(false, check3, 'no such action with an edit; got ' .. #actions .. ' actions')
  return finish()
end
local client = vim.lsp.get_client_by_id(client_id)
vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
local line = vim.api.nvim_buf_get_lines(bufnr, diag.range.start.line, diag.range.start.line + 1, false)[1]
log('AFTER ' .. line)
report(line:match('^%s*owner: alice%s+# two owners: single%-owner fires$') ~= nil, check3,
  'line now reads: ' .. line)
finish()

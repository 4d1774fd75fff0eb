" Vim 9 + ALE (Debian vim-ale 3.3) as an LSP client of
" productteam-language-server. Run by test/editors/run.sh:
"   vim -Nu NONE -i NONE -es -S test/editors/vim-ale.vim
" Env: PT_SERVER (the server's JS file, run with node --stdio), PT_FILE (a
" copy of fixture.productteam.yaml to edit), PT_RESULTS (where "ok - ..." /
" "not ok - ..." lines go).
" Every step goes through ALE's own code: its LSP linter for diagnostics,
" :ALEHover (into the preview window) for the hover, and ale#codefix (what
" :ALECodeAction runs) with its menu callback for the code action, applied
" by ALE's ale#codefix#ApplyLSPCodeAction.
let s:editor = 'vim-ale'
let s:file = $PT_FILE
let s:server = $PT_SERVER

function! s:Report(ok, check, detail) abort
  let l:line = (a:ok ? 'ok' : 'not ok') . ' - ' . s:editor . ': ' . a:check
  if !a:ok && !empty(a:detail)
    let l:line .= ' # ' . substitute(a:detail, '\n', ' ', 'g')
  endif
  call writefile([l:line], $PT_RESULTS, 'a')
  return a:ok
endfunction
function! s:Log(line) abort
  call writefile([substitute(a:line, '\n', ' | ', 'g')], '/dev/stdout', 'a')
endfunction
function! s:Wait(secs, expr) abort
  let l:t = reltime()
  while !eval(a:expr) && reltimefloat(reltime(l:t)) < a:secs
    sleep 20m
  endwhile
  return eval(a:expr)
endfunction
function! s:Finish() abort
  call ale#lsp#StopAll()
  qall!
endfunction

let g:ale_linters_explicit = 1
let g:ale_set_signs = 0
let g:ale_set_highlights = 0
let g:ale_echo_cursor = 0
let g:ale_virtualtext_cursor = 'disabled'
let g:ale_lint_on_enter = 1
let g:ale_lint_on_text_changed = 'never'
let g:ale_hover_to_preview = 1
let g:ale_hover_to_floating_preview = 0
let g:ale_floating_preview = 0
packadd ale

" The set-up docs/editors.md gives: filetype detection, then the linter.
filetype on
autocmd BufRead,BufNewFile *.productteam.yaml,*.productteam.yml,.productteam.yaml set filetype=yaml.productteam
call ale#linter#Define('productteam', {
\ 'name': 'productteam',
\ 'lsp': 'stdio',
\ 'executable': 'node',
\ 'command': '%e ' . shellescape(s:server) . ' --stdio',
\ 'project_root': fnamemodify(s:file, ':h'),
\})
let g:ale_linters = {'productteam': ['productteam']}

" Keep the raw publishDiagnostics too, to see `source` (ALE's loclist drops it).
let s:raw = {}
function! s:Capture(conn_id, msg) abort
  if get(a:msg, 'method', '') is# 'textDocument/publishDiagnostics' && !empty(a:msg.params.diagnostics)
    let s:raw = a:msg.params
  endif
endfunction
function! s:OnStarted(linter, details) abort
  call ale#lsp#RegisterCallback(a:details.connection_id, function('s:Capture'))
endfunction

try  " an error ends the script; its message goes to the log, and run.sh reports the checks left undone
execute 'edit' fnameescape(s:file)
let s:buf = bufnr('')
call s:Log('filetype: ' . &filetype)
call ale#lsp_linter#StartLSP(s:buf, ale#linter#GetAll(['productteam'])[0], function('s:OnStarted'))
ALELint

" (1) diagnostics, in ALE's loclist with our rule id as the code
let s:check1 = 'diagnostics arrive with our codes'
let s:got = s:Wait(20, "!empty(s:raw) && !empty(filter(copy(get(get(g:ale_buffer_info, s:buf, {}), 'loclist', [])), 'get(v:val, ''code'', '''') is# ''single-owner'''))")
let s:diag = {}
for s:d in get(s:raw, 'diagnostics', [])
  call s:Log(printf('DIAG %d:%d %s %s %s', s:d.range.start.line + 1, s:d.range.start.character + 1, get(s:d, 'source', ''), get(s:d, 'code', ''), s:d.message))
  if get(s:d, 'code', '') is# 'single-owner' && get(s:d, 'source', '') is# 'productteam'
    let s:diag = s:d
  endif
endfor
for s:item in get(get(g:ale_buffer_info, s:buf, {}), 'loclist', [])
  call s:Log(printf('LOCLIST %d:%d %s %s %s', s:item.lnum, s:item.col, s:item.type, get(s:item, 'code', ''), s:item.text))
endfor
call s:Report(s:got && !empty(s:diag), s:check1, s:got ? 'no single-owner diagnostic with source productteam' : 'ALE has no single-owner diagnostic within 20s')

" (2) :ALEHover on the productManager key, shown in ALE's preview window
let s:check2 = 'hover on a role key shows an expert quote'
let s:pm = search('^\s*productManager:', 'nw')
call cursor(s:pm, match(getline(s:pm), '\S') + 2)
ALEHover
let s:quote = 'The outward-facing role is market-facing. Someone in this role speaks to the customers and users, investigates market opportunities and defines high level requirements for the product.'
function! s:PreviewText() abort
  let l:b = bufnr('ALEPreviewWindow')
  return l:b > 0 ? join(getbufline(l:b, 1, '$'), "\n") : ''
endfunction
let s:hovered = s:Wait(10, 'stridx(s:PreviewText(), s:quote) >= 0')
call s:Log('HOVER ' . strpart(s:PreviewText(), 0, 300))
call s:Report(s:hovered && stridx(s:PreviewText(), '— Stijn Schutyser') >= 0, s:check2,
\ empty(s:PreviewText()) ? 'no hover in the preview window within 10s' : 'preview lacks the Schutyser quote')
silent! pclose!

" (3) the quick fix offered by ALE's codefix (what :ALECodeAction runs: it
" sends back ALE's own copy of the diagnostic, which has no `source`)
let s:check3 = ":ALECodeAction offers 'Assign single owner: alice'"
let s:check4 = "code action 'Assign single owner: alice' applies"
if empty(s:diag)
  call s:Report(0, s:check3, 'no single-owner diagnostic to ask about')
  call s:Report(0, s:check4, 'no single-owner diagnostic to ask about')
  call s:Finish()
endif
function! s:Find(items) abort
  for l:item in a:items
    call s:Log('ACTION ' . get(l:item, 'title', string(l:item)))
    if get(l:item, 'title', '') is# 'Assign single owner: alice'
      return l:item
    endif
  endfor
  return {}
endfunction
call cursor(s:diag.range.start.line + 1, s:diag.range.start.character + 1)
let s:menu = v:null
function! s:Menu(data, items) abort
  let s:menu = [a:data, map(copy(a:items), 'v:val[1]')]
endfunction
call ale#codefix#Execute(0, function('s:Menu'))
call s:Wait(10, 's:menu isnot v:null')
let s:action = s:menu is v:null ? {} : s:Find(s:menu[1])
call s:Report(!empty(s:action), s:check3, s:menu is v:null ? 'no code action response within 10s'
\ : 'not among the ' . len(s:menu[1]) . ' actions the server returned for ALE''s copy of the diagnostic (code, message, range; no source, no data)')
let s:data = s:menu is v:null ? {} : s:menu[0]

" (4) apply it with ALE's ale#codefix#ApplyLSPCodeAction. When (3) failed,
" ask again through ALE's connection with the diagnostic exactly as the
" server sent it, so that applying is still checked.
if empty(s:action)
  " (ale#lsp_linter#SendRequest can't be used: it does not resolve the
  " compound filetype yaml.productteam, so go through StartLSP and Send.)
  let s:resp = v:null
  let s:req = -1
  function! s:OnResponse(conn_id, msg) abort
    if get(a:msg, 'id', -2) == s:req
      let s:resp = a:msg
    endif
  endfunction
  function! s:OnReadyAgain(linter, details) abort
    call ale#lsp#RegisterCallback(a:details.connection_id, function('s:OnResponse'))
    let s:req = ale#lsp#Send(a:details.connection_id, ale#lsp#message#CodeAction(s:buf,
    \ s:diag.range.start.line + 1, s:diag.range.start.character + 1,
    \ s:diag.range.end.line + 1, s:diag.range.end.character, [s:diag]))
  endfunction
  call ale#lsp_linter#StartLSP(s:buf, ale#linter#GetAll(['productteam'])[0], function('s:OnReadyAgain'))
  call s:Wait(10, 's:resp isnot v:null')
  let s:action = s:resp is v:null ? {} : s:Find(type(get(s:resp, 'result')) is v:t_list ? s:resp.result : [])
  let s:data = {'buffer': s:buf}
endif
if empty(s:action)
  call s:Report(0, s:check4, 'the server offers no such action even for its own diagnostic')
  call s:Finish()
endif
call ale#codefix#ApplyLSPCodeAction(s:data, s:action)
let s:after = getline(s:diag.range.start.line + 1)
call s:Log('AFTER ' . s:after)
call s:Report(s:after =~# '^\s*owner: alice\s\+# two owners: single-owner fires$', s:check4, 'line now reads: ' . s:after)
catch
  call s:Log('ERROR ' . v:exception . ' at ' . v:throwpoint)
endtry
call s:Finish()

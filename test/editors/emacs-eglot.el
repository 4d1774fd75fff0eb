;;; emacs-eglot.el --- Emacs 28 + eglot (Debian elpa-eglot 1.9) as an LSP client of productteam-language-server  -*- lexical-binding: t -*-
;; Run by test/editors/run.sh:  emacs --batch -Q -l test/editors/emacs-eglot.el
;; Env: PT_SERVER (the server's JS file, run with node --stdio), PT_FILE (a
;; copy of fixture.productteam.yaml to edit), PT_RESULTS (where "ok - ..." /
;; "not ok - ..." lines go).
;; Every step goes through eglot's own code: flymake for diagnostics,
;; eglot-hover-eldoc-function (what eldoc shows) for the hover, and
;; eglot-code-actions + eglot--read-execute-code-action (what M-x
;; eglot-code-actions runs, with the menu answered) for the code action.
(require 'package)                      ; -Q skips Debian's site-start, so point
(setq package-directory-list '("/usr/share/emacs/site-lisp/elpa")) ; package.el at elpa-eglot
(package-initialize)
(require 'eglot)
(require 'flymake)
(require 'cl-lib)

(defvar pt-editor "emacs-eglot")
(defun pt-report (ok check &optional detail)
  (let ((line (format "%s - %s: %s%s" (if ok "ok" "not ok") pt-editor check
                      (if (and (not ok) detail)
                          (concat " # " (replace-regexp-in-string "\n" " " detail))
                        ""))))
    (write-region (concat line "\n") nil (getenv "PT_RESULTS") 'append 'silent))
  ok)
(defun pt-log (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun pt-wait (secs pred)
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))
(defun pt-finish ()
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (kill-emacs 0))

;; The set-up docs/editors.md gives (Emacs 28 has no yaml-mode of its own).
(define-derived-mode productteam-yaml-mode prog-mode "ProductTeam")
(add-to-list 'auto-mode-alist '("\\.productteam\\.ya?ml\\'" . productteam-yaml-mode))
(add-to-list 'auto-mode-alist '("/\\.productteam\\.yaml\\'" . productteam-yaml-mode))
(add-to-list 'eglot-server-programs
             `(productteam-yaml-mode . ("node" ,(getenv "PT_SERVER") "--stdio")))
(setq eglot-sync-connect 30 eglot-connect-timeout 60)

(find-file (getenv "PT_FILE"))
(pt-log "major mode: %s" major-mode)
(condition-case err (call-interactively #'eglot)
  (error (pt-log "eglot: %S" err)))

;; (1) diagnostics, in flymake, with the server's own diagnostic attached
(defun pt-raw (d) (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d))))
(defun pt-single-owner ()
  (cl-find-if (lambda (d) (let ((raw (pt-raw d)))
                            (and (equal (plist-get raw :code) "single-owner")
                                 (equal (plist-get raw :source) "productteam"))))
              (flymake-diagnostics)))
(let ((check "diagnostics arrive with our codes"))
  (if (not (eglot-current-server))
      (pt-report nil check "eglot did not connect")
    (pt-wait 20 #'pt-single-owner)
    (dolist (d (flymake-diagnostics))
      (let ((raw (pt-raw d)))
        (pt-log "DIAG %d: %s %s %s %s" (line-number-at-pos (flymake-diagnostic-beg d))
                (flymake-diagnostic-type d) (plist-get raw :source) (plist-get raw :code)
                (flymake-diagnostic-text d))))
    (pt-report (pt-single-owner) check
               (if (flymake-diagnostics) "no flymake diagnostic with source productteam and code single-owner"
                 "no flymake diagnostics within 20s"))))
(unless (eglot-current-server) (pt-finish))

;; (2) hover on the productManager key, as eldoc gets it from eglot
(let ((check "hover on a role key shows an expert quote")
      (quote "The outward-facing role is market-facing. Someone in this role speaks to the customers and users, investigates market opportunities and defines high level requirements for the product.")
      (doc nil) (answered nil))
  (goto-char (point-min))
  (re-search-forward "^[ \t]*productManager:")
  (goto-char (+ (match-beginning 0) (- (match-end 0) (match-beginning 0) 3)))
  (eglot-hover-eldoc-function (lambda (info &rest _) (setq doc info answered t)))
  (pt-wait 10 (lambda () answered))
  (pt-log "HOVER %s" (substring (or doc "") 0 (min 300 (length (or doc "")))))
  (pt-report (and (stringp doc) (string-search quote doc) (string-search "— Stijn Schutyser" doc))
             check (if answered (format "hover lacks the Schutyser quote: %s" doc)
                     "no hover within 10s")))

;; (3) the code action, picked from eglot's menu and applied by eglot
(let* ((check "code action 'Assign single owner: alice' applies")
       (title "Assign single owner: alice")
       (d (pt-single-owner)))
  (if (not d)
      (pt-report nil check "no single-owner diagnostic to ask about")
    (let* ((line (line-number-at-pos (flymake-diagnostic-beg d)))
           (actions (eglot-code-actions (flymake-diagnostic-beg d) (flymake-diagnostic-end d)))
           (titles (mapcar (lambda (a) (plist-get a :title)) actions)))
      (dolist (tt titles) (pt-log "ACTION %s" tt))
      (if (not (member title titles))
          (pt-report nil check (format "no such action among %S" titles))
        ;; Answer eglot's "Pick an action" prompt as a user would.
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (_prompt collection &rest _) (car (assoc title collection)))))
          (let ((last-nonmenu-event 13))  ; a keyboard event: use the minibuffer, not a popup menu
            (condition-case err
                (eglot--read-execute-code-action actions (eglot-current-server))
              (error (pt-log "apply: %S" err)))))
        (let ((after (save-excursion (goto-char (point-min)) (forward-line (1- line))
                                     (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))
          (pt-log "AFTER %s" after)
          (pt-report (string-match-p "^[ \t]*owner: alice[ \t]+# two owners: single-owner fires$" after)
                     check (format "line now reads: %s" after)))))))
(pt-finish)

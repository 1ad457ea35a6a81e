# shellcheck shell=bash
# Bash completion for manage, the users service's administration commands: completes the
# command (its first and only argument). Installed as share/bash-completion/completions/manage.
_manage() {
    local current=${COMP_WORDS[COMP_CWORD]}
    COMPREPLY=()
    if [ "$COMP_CWORD" -eq 1 ]; then
        mapfile -t COMPREPLY < <(compgen -W "recreate_db seed_db check_health --help --version" \
            -- "$current")
    fi
}
complete -F _manage manage

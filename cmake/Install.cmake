# Installation and the Debian package.
#   cmake --install build --prefix /usr/local
#   cpack --config build/CPackConfig.cmake      # iotc-jobs_<version>_<arch>.deb, for /usr
# Binaries go to bin, man pages to share/man/man1, completions where each shell looks for them,
# the guides to share/doc/iotc-jobs. The completion scripts and man pages are the committed,
# generated ones (docs/generate.sh), so installing needs neither the shells nor help2man.
include(GNUInstallDirs)

install(TARGETS iotc-jobs RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# iotc-jobs-emulator installs itself (src/emulator/CMakeLists.txt).
install(FILES ${PROJECT_SOURCE_DIR}/docs/iotc-jobs.1 ${PROJECT_SOURCE_DIR}/docs/iotc-jobs-emulator.1
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/completions/iotc-jobs.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME iotc-jobs)
install(FILES ${PROJECT_SOURCE_DIR}/completions/iotc-jobs.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
# zsh: share/zsh/site-functions is where zsh looks under any prefix but /usr; Debian's zsh reads
# /usr/share/zsh/vendor-completions instead (site-functions there is not in its $fpath), so the
# package, installed under /usr, puts the script there. The prefix is only known at install time.
install(CODE "
  if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
    set(iotc_zsh_dir \"\${CMAKE_INSTALL_PREFIX}/share/zsh/vendor-completions\")
  else()
    set(iotc_zsh_dir \"\${CMAKE_INSTALL_PREFIX}/share/zsh/site-functions\")
  endif()
  file(INSTALL \"${PROJECT_SOURCE_DIR}/completions/_iotc-jobs\" DESTINATION \"\${iotc_zsh_dir}\")
")
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/guide.md
              ${PROJECT_SOURCE_DIR}/docs/emulator.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Regenerates completions/ and docs/*.1 in the source tree from the freshly built binaries; the
# drift test (tests/completions) fails until this has been run after a change to the CLI.
add_custom_target(update-generated-docs
  COMMAND ${PROJECT_SOURCE_DIR}/docs/generate.sh $<TARGET_FILE:iotc-jobs>
          $<TARGET_FILE:iotc-jobs-emulator>
  COMMENT "Regenerating completions/ and docs/*.1 from the binaries"
  VERBATIM)
add_dependencies(update-generated-docs iotc-jobs iotc-jobs-emulator)

# The Debian package. Its dependencies come from the binaries themselves (dpkg-shlibdeps):
# libc6, libstdc++6, libgcc-s1, libcurl4, libfmt9, libsqlite3-0 and libcpp-httplib0.11 on Debian 12.
set(IOTC_PACKAGE_MAINTAINER "iotc-jobs maintainers <iotc-jobs@invalid>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME iotc-jobs)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "iotc-jobs lists, shows, creates, stops, resumes, reruns and waits for Azure IoT Central "
       "jobs. It comes with iotc-jobs-emulator, a local IoT Central jobs service for offline tests.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${IOTC_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, jq")
include(CPack)

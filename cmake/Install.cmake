# Installation and the Debian package.
#   cmake --install build --prefix /usr/local
#   cpack --config build/CPackConfig.cmake      # iotc-jobs_<version>_<arch>.deb, for /usr
# Binaries go to bin, man pages (gzip -9n) to share/man/man1, completions where each shell looks
# for them, the guides, the copyright file and changelog.gz to share/doc/iotc-jobs. The completion
# scripts and man pages are the committed, generated ones (docs/generate.sh), so installing needs
# neither the shells nor help2man. The version is project(VERSION) alone: the binaries, the man
# pages (through the binaries) and the package take it from there; CHANGELOG.md's newest release
# must name it (tests/install/version_test.sh).
include(GNUInstallDirs)

install(TARGETS iotc-jobs RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# iotc-jobs-emulator installs itself (src/emulator/CMakeLists.txt).

# The Maintainer of the Debian package, and of its changelog entries. A packager sets their own:
#   cmake -B build -DIOTC_PACKAGE_MAINTAINER="Jane Doe <jane@example.org>"
set(iotc_default_maintainer "iotc-jobs maintainers <maintainers@iotc-jobs.invalid>")
set(IOTC_PACKAGE_MAINTAINER "${iotc_default_maintainer}"
    CACHE STRING "Maintainer field of the Debian package: Name <address>")
# Build trees configured before kept the earlier default, whose host lintian rejects (no dot).
if(IOTC_PACKAGE_MAINTAINER STREQUAL "iotc-jobs maintainers <iotc-jobs@invalid>")
  set_property(CACHE IOTC_PACKAGE_MAINTAINER PROPERTY VALUE "${iotc_default_maintainer}")
endif()
if(NOT IOTC_PACKAGE_MAINTAINER MATCHES "^[^<>]+ <[^<>@ ]+@[^<>@ ]+\\.[^<>@ ]+>$")
  message(FATAL_ERROR "IOTC_PACKAGE_MAINTAINER is \"${IOTC_PACKAGE_MAINTAINER}\"; "
                      "give it as Name <user@host.domain>")
endif()

# What Debian wants beside the binaries, made in the build tree: the man pages gzipped with -9n
# (no name, no time stamp: the same bytes from the same page), the copyright file in Debian's
# machine-readable format (from LICENSE) and changelog.gz (from CHANGELOG.md's released versions).
find_program(IOTC_GZIP gzip REQUIRED)
set(iotc_package_docs ${PROJECT_BINARY_DIR}/package-docs)
set(iotc_man_pages)
foreach(page iotc-jobs iotc-jobs-emulator)
  add_custom_command(
    OUTPUT ${iotc_package_docs}/${page}.1.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${iotc_package_docs}
    COMMAND sh -c "\"$1\" -9n < \"$2\" > \"$3\"" sh ${IOTC_GZIP}
            ${PROJECT_SOURCE_DIR}/docs/${page}.1 ${iotc_package_docs}/${page}.1.gz
    DEPENDS ${PROJECT_SOURCE_DIR}/docs/${page}.1
    COMMENT "Compressing the man page ${page}.1"
    VERBATIM)
  list(APPEND iotc_man_pages ${iotc_package_docs}/${page}.1.gz)
endforeach()
add_custom_command(
  OUTPUT ${iotc_package_docs}/changelog.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${iotc_package_docs}
  COMMAND bash ${PROJECT_SOURCE_DIR}/cmake/debian-changelog.sh ${PROJECT_SOURCE_DIR}/CHANGELOG.md
          ${PROJECT_NAME} ${IOTC_PACKAGE_MAINTAINER} ${iotc_package_docs}/changelog.gz
  DEPENDS ${PROJECT_SOURCE_DIR}/CHANGELOG.md ${PROJECT_SOURCE_DIR}/cmake/debian-changelog.sh
  COMMENT "Writing changelog.gz from CHANGELOG.md"
  VERBATIM)
add_custom_command(
  OUTPUT ${iotc_package_docs}/copyright
  COMMAND ${CMAKE_COMMAND} -E make_directory ${iotc_package_docs}
  COMMAND bash ${PROJECT_SOURCE_DIR}/cmake/debian-copyright.sh ${PROJECT_SOURCE_DIR}/LICENSE
          ${PROJECT_NAME} ${iotc_package_docs}/copyright
  DEPENDS ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/cmake/debian-copyright.sh
  COMMENT "Writing the copyright file from LICENSE"
  VERBATIM)
add_custom_target(package-docs ALL
  DEPENDS ${iotc_man_pages} ${iotc_package_docs}/changelog.gz ${iotc_package_docs}/copyright)

install(FILES ${iotc_man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
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
              ${PROJECT_SOURCE_DIR}/docs/emulator.md ${iotc_package_docs}/copyright
              ${iotc_package_docs}/changelog.gz
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
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME iotc-jobs)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# The extended description, wrapped by hand: CPack keeps its lines, and lintian wants them within
# 80 columns.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "iotc-jobs lists, shows, creates, stops, resumes, reruns and waits for Azure\n"
       "IoT Central device jobs. It comes with iotc-jobs-emulator, a local IoT Central\n"
       "jobs service for offline tests.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${IOTC_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, jq")
include(CPack)

/**
 * The architecture rules of jwkit, one copy for every module. Each module's architecture test applies the
 * rule sets relevant to it ({@link dev.jwkit.buildsupport.architecture.CoreRules}, {@link
 * dev.jwkit.buildsupport.architecture.DomainRules}, {@link dev.jwkit.buildsupport.architecture.CoreAndDomainRules},
 * {@link dev.jwkit.buildsupport.architecture.PortRules}, {@link dev.jwkit.buildsupport.architecture.HygieneRules},
 * {@link dev.jwkit.buildsupport.architecture.ModuleRules}) with
 * {@link dev.jwkit.buildsupport.architecture.JwkitMainClasses} as its import option; the rules themselves are
 * written once in {@link dev.jwkit.buildsupport.architecture.JwkitArchitecture}.
 */
@NullMarked
package dev.jwkit.buildsupport.architecture;

import org.jspecify.annotations.NullMarked;

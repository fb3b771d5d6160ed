package dev.provenant.dvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitInfoTest {

    private static Optional<URI> web(String remote) {
        return new GitInfo(Path.of("/r"), "", remote, null, null).webUrl();
    }

    @Test
    void credentialsNeverLeaveTheRemote() {
        assertThat(GitInfo.withoutCredentials("https://user:ghp_secret@github.com/org/repo.git"))
                .isEqualTo("https://github.com/org/repo.git");
        assertThat(GitInfo.withoutCredentials("git@github.com:org/repo.git")).isEqualTo("git@github.com:org/repo.git");
    }

    @Test
    void remotesBecomeHttpsUrlsWithoutDotGit() {
        assertThat(web("https://github.com/iterative/example-get-started.git"))
                .contains(URI.create("https://github.com/iterative/example-get-started"));
        assertThat(web("git@github.com:pyronear/vision-rd.git")).contains(URI.create("https://github.com/pyronear/vision-rd"));
        assertThat(web("ssh://git@gitlab.example.com:2222/team/repo.git"))
                .contains(URI.create("https://gitlab.example.com/team/repo"));
        assertThat(web("/srv/git/repo.git")).isEmpty();
        assertThat(web(null)).isEmpty();
    }

    @Test
    void namespaceComesFromTheRemoteAndThePipelineDirectory() {
        GitInfo git = new GitInfo(Path.of("/src/monorepo-dvc-repro"), "project-1",
                "https://github.com/iterative/monorepo-dvc-repro.git", "abc", null);
        assertThat(DvcEvents.defaultNamespace(Path.of("/src/monorepo-dvc-repro/project-1"), Optional.of(git)))
                .isEqualTo("dvc://github.com/iterative/monorepo-dvc-repro/project-1");
        GitInfo local = new GitInfo(Path.of("/src/tiles"), "", null, "abc", null);
        assertThat(DvcEvents.defaultNamespace(Path.of("/src/tiles"), Optional.of(local))).isEqualTo("dvc://tiles");
        assertThat(DvcEvents.defaultNamespace(Path.of("/tmp/x/pipeline"), Optional.empty())).isEqualTo("dvc://pipeline");
    }
}

package ${package}.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A note somebody wrote: the application's data, in its own table. */
@Entity
@Table(name = "NOTE")
@NamedQuery(name = Note.NEWEST_FIRST, query = "SELECT n FROM Note n ORDER BY n.id DESC")
public class Note {

    static final String NEWEST_FIRST = "Note.newestFirst";
    static final int MAX_TEXT = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_TEXT)
    private String text;

    @Column(nullable = false, length = 200)
    private String author;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected Note() {
        // for JPA
    }

    Note(String text, String author, Instant createdAt) {
        this.text = text;
        this.author = author;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
